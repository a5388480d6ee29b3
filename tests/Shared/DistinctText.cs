namespace Kanban.Tests.Shared;

/// <summary>
/// Text for tickets that pass the gates and read as different tickets to duplicate detection when
/// their titles differ, as real tickets do, while one title always gives the same text. Shared with
/// the browser tests.
/// </summary>
public static class DistinctText
{
    /// <summary>"Customers ask support whether" and sixteen words that another title is unlikely to draw.</summary>
    public static string Description(string title)
    {
        var seed = 17;
        foreach (var c in title)
        {
            seed = unchecked((seed * 31) + c);
        }

        return "Customers ask support whether " + string.Join(" ", new Random(seed).GetItems(DescriptionWords, 16)) + ".";
    }

    private static readonly string[] DescriptionWords =
    [
        "airport", "alarm", "amber", "ambulance", "anchor", "approval", "archive", "arena", "asteroid",
        "astronomy", "badge", "bakery", "ballet", "bandage", "banner", "barcode", "basalt", "basket",
        "blackboard", "blender", "boarding", "boiler", "bollard", "bridge", "brochure", "bronze", "budget",
        "butcher", "camera", "campus", "canvas", "canyon", "capsule", "carpet", "carriage", "carrier",
        "catalogue", "cello", "checkout", "chimney", "chorus", "clarinet", "classroom", "clause", "clinic",
        "cobalt", "comet", "compost", "concert", "conductor", "consulate", "container", "contract", "copper",
        "coupon", "courier", "crane", "crossing", "curtain", "customs", "dairy", "delta", "desert", "diploma",
        "discus", "dispatch", "dock", "dolphin", "doorbell", "dosage", "drain", "easel", "elevator",
        "embassy", "estuary", "exhibit", "falcon", "faucet", "fence", "ferry", "fertilizer", "flamingo",
        "forecast", "forklift", "frame", "freezer", "freight", "fridge", "galaxy", "gallery", "garage",
        "garden", "gate", "glacier", "graduation", "granite", "greenhouse", "grocery", "gutter", "gymnasium",
        "hangar", "harbour", "harvest", "hedge", "heron", "highway", "homework", "hospital", "hurdle",
        "hydrant", "ingredient", "intercom", "inventory", "invoice", "irrigation", "jade", "javelin",
        "jellyfish", "journal", "junction", "kettle", "kiosk", "label", "lagoon", "ledger", "library",
        "lighthouse", "lobby", "lobster", "locker", "locomotive", "luggage", "magazine", "mailbox", "manhole",
        "manifest", "manuscript", "marathon", "marble", "melody", "mooring", "motion", "museum", "nebula",
        "newspaper", "nickel", "oasis", "octopus", "opera", "orbit", "orchard", "orchestra", "oven",
        "painting", "palette", "pallet", "pamphlet", "pantry", "parcel", "parking", "passport", "pavement",
        "payroll", "pedestal", "pelican", "penguin", "pesticide", "pharmacy", "pigment", "planet", "platform",
        "plumbing", "poster", "prescription", "printer", "quarter", "quartz", "racetrack", "radiator",
        "railway", "rainforest", "receipt", "recipe", "referee", "rehearsal", "relay", "renewal", "rhythm",
        "rocket", "roof", "roster", "roundabout", "runway", "sapphire", "satellite", "savanna", "scanner",
        "scholarship", "school", "sculpture", "seahorse", "seedling", "semester", "sensor", "sewer", "shift",
        "signal", "signature", "siren", "sleeper", "smoke", "stadium", "sticker", "streetlight", "stretcher",
        "subscription", "supplier", "syringe", "tanker", "tariff", "telescope", "terminal", "thermostat",
        "ticketing", "tile", "timesheet", "timetable", "tractor", "trampoline", "triage", "trumpet",
        "tugboat", "tuition", "tundra", "tungsten", "tunnel", "turnstile", "vaccine", "vendor", "viaduct",
        "vineyard", "violin", "visa", "visitor", "volcano", "voucher", "walrus", "warehouse", "wetland",
        "window", "zinc",
    ];
}
