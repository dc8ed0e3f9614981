import VirtCore
import VirtLang

/// Records of arrays, fabrics, zones, engines, filers, shares and `io run` (CORE.md "Records": io run).
enum StorageSANRecords {
    typealias F = FieldValue

    static let array = RecordSchema<ArrayInfo>([
        Field("name", "the array's name") { .string($0.name) },
        Field("rack", "rack label, or none") { F.text($0.rack) },
        Field("site", "site label, or none") { F.text($0.site) },
        Field("disks", "its disks", link: true) { F.names($0.disks) },
        Field("fabrics", "fabrics it is connected to", link: true) { F.names($0.fabrics) },
        Field("luns", "LUNs it exports") { F.names($0.luns) },
        Field("up", "false while its rack or site is down") { .bool($0.up) },
    ])

    static let fabric = RecordSchema<FabricInfo>([
        Field("name", "the fabric's name") { .string($0.name) },
        Field("kind", "fc or iscsi") { .string($0.kind.rawValue) },
        Field("bandwidth", "link rate") { .quantity(.bitsPerSecond($0.bandwidth)) },
        Field("hosts", "hosts connected", link: true) { F.names($0.hosts) },
        Field("arrays", "arrays connected", link: true) { F.names($0.arrays) },
        Field("zones", "its zones") { F.names($0.zones) },
    ])

    static let zone = RecordSchema<ZoneInfo>([
        Field("name", "the zone's name") { .string($0.name) },
        Field("fabric", "the fabric it zones", link: true) { .string($0.fabric) },
        Field("members", "hosts and arrays that may see each other") { F.names($0.members) },
    ])

    static let virtualizer = RecordSchema<VirtualizerInfo>([
        Field("name", "the engine's name") { .string($0.name) },
        Field("mode", "host, in-band or out-of-band") { .string($0.mode.rawValue) },
        Field("host", "the host it runs on, or none", link: true) { F.text($0.host) },
        Field("bandwidth", "rate through it, or none (not on the data path, or no cap)") { $0.bandwidth.map { .quantity(.bitsPerSecond($0)) } ?? .none },
        Field("state", "up or failed (its host failing takes it down)") { .string($0.state) },
        Field("volumes", "volumes created via it", link: true) { F.names($0.volumes) },
        Field("hosts", "hosts it serves") { F.names($0.hosts) },
        Field("effort", "configuration steps: 1 + volumes (+ hosts served, out-of-band)") { .int($0.effort) },
        Field("mappings", "out-of-band: HOST:VOLUME mappings hosts cached") { F.names($0.mappings) },
    ])

    static let nas = RecordSchema<NASInfo>([
        Field("name", "the filer's name") { .string($0.name) },
        Field("pool", "the pool holding its files", link: true) { .string($0.pool) },
        Field("rack", "rack label, or none") { F.text($0.rack) },
        Field("site", "site label, or none") { F.text($0.site) },
        Field("shares", "its shares") { F.names($0.shares) },
        Field("state", "its pool's state") { .string($0.state.rawValue) },
    ])

    static let share = RecordSchema<ShareInfo>([
        Field("name", "the share's name") { .string($0.name) },
        Field("nas", "its filer", link: true) { .string($0.nas) },
        Field("size", "most bytes its files may take") { F.size($0.size) },
        Field("used", "bytes its files' blocks take") { F.size($0.used) },
        Field("files", "paths inside the share") { F.names($0.files) },
        Field("vms", "VMs that mounted it", link: true) { F.names($0.vms) },
    ])

    static let io = RecordSchema<IORecord>([
        Field("time", "simulated time the read took", core: true) { F.seconds($0.time) },
        Field("throughput", "the slowest hop's rate", core: true) { .quantity(.bitsPerSecond($0.throughput)) },
        Field("path", "host, fabric, engine, array, pool", core: true) { F.names($0.path) },
        Field("bottleneck", "the hop that limits it") { .string($0.bottleneck) },
        Field("limits", "each hop with its rate (none: no limit of its own)") { r in
            .list(r.limits.map { .record(Record([("hop", .string($0.name)), ("throughput", $0.throughput.map { .quantity(.bitsPerSecond($0)) } ?? .none)])) })
        },
        Field("mapping", "out-of-band: fetched or cached; otherwise none") { .string($0.mapping) },
        Field("bytes", "bytes read") { F.size($0.bytes) },
        Field("job", "the job id with async=yes, or none") { F.int($0.job) },
    ])
}
