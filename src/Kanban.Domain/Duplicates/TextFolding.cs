namespace Kanban.Domain.Duplicates;

/// <summary>
/// Latin letters with accents and ligatures as their plain letters ("é" as "e", "ß" as "ss", "ﬁ" as
/// "fi"), and full-width forms as ASCII. The app runs with invariant globalization, where
/// <see cref="string.Normalize()"/> does nothing outside ASCII, so the table is written out here
/// (generated from Unicode's decompositions of U+00C0–U+024F, U+1E00–U+1EFF and U+FB00–U+FB06).
/// </summary>
internal static class TextFolding
{
    private const string Letters = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĲĳĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǱǲǳǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹﬀﬁﬂﬃﬄﬅﬆßæÆœŒøØđĐłŁþÞ";

    private const string Plain = "a|a|a|a|a|a|c|e|e|e|e|i|i|i|i|n|o|o|o|o|o|u|u|u|u|y|a|a|a|a|a|a|c|e|e|e|e|i|i|i|i|n|o|o|o|o|o|u|u|u|u|y|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|l|l|l|l|l|l|n|n|n|n|n|n|o|o|o|o|o|o|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s|o|o|u|u|dz|dz|dz|lj|lj|lj|nj|nj|nj|a|a|i|i|o|o|u|u|u|u|u|u|u|u|u|u|a|a|a|a|g|g|k|k|o|o|o|o|j|dz|dz|dz|g|g|n|n|a|a|a|a|a|a|e|e|e|e|i|i|i|i|o|o|o|o|r|r|r|r|u|u|u|u|s|s|t|t|h|h|a|a|e|e|o|o|o|o|o|o|o|o|y|y|a|a|b|b|b|b|b|b|c|c|d|d|d|d|d|d|d|d|d|d|e|e|e|e|e|e|e|e|e|e|f|f|g|g|h|h|h|h|h|h|h|h|h|h|i|i|i|i|k|k|k|k|k|k|l|l|l|l|l|l|l|l|m|m|m|m|m|m|n|n|n|n|n|n|n|n|o|o|o|o|o|o|o|o|p|p|p|p|r|r|r|r|r|r|r|r|s|s|s|s|s|s|s|s|s|s|t|t|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|v|v|v|v|w|w|w|w|w|w|w|w|w|w|x|x|x|x|y|y|z|z|z|z|z|z|h|t|w|y|s|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|i|i|i|i|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|u|u|u|u|u|u|u|u|u|u|u|u|u|u|y|y|y|y|y|y|y|y|ff|fi|fl|ffi|ffl|st|st|ss|ae|ae|oe|oe|o|o|d|d|l|l|th|th";

    private static readonly Dictionary<char, string> Map = Build();

    /// <summary>The plain, lower-case form of <paramref name="c"/>.</summary>
    public static string Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return char.ToLowerInvariant((char)(c - 0xFEE0)).ToString();
        }

        return Map.TryGetValue(c, out var plain) ? plain : char.ToLowerInvariant(c).ToString();
    }

    private static Dictionary<char, string> Build()
    {
        var plain = Plain.Split('|');
        var map = new Dictionary<char, string>(Letters.Length);
        for (var i = 0; i < Letters.Length; i++)
        {
            map[Letters[i]] = plain[i];
        }

        return map;
    }
}
