import VirtCore
import VirtLang

/// Where every object sits, for the pictures (`export dot|svg|png`) and the tree
/// (`show topology`): inside its owner (`pm1.eth0` in `pm1`) or inside the object
/// its kind's `within` fields name (a VM in its host, a volume in its pool); the
/// objects that sit in nothing are grouped by the `site` and `rack` their records
/// give. Links between objects that do not contain each other are the edges.
///
/// A derived sub-object (a switch's port, a host's NIC, a VF) is shown only when
/// something links to it: a 48-port switch with two cables shows two ports.
struct WorldLayout {
    /// One link drawn between two objects, named by the record field that made it.
    struct Edge: Equatable {
        let from: String
        let to: String
        let field: String
    }

    /// A site and rack, and the objects placed there that sit in nothing else.
    struct Place {
        let site: String?
        let rack: String?
        var roots: [String]
    }

    /// Shown objects in creation order, owners before what they own.
    private(set) var names: [String] = []
    private(set) var kinds: [String: ObjectKind] = [:]
    private(set) var records: [String: Record] = [:]
    private(set) var parent: [String: String] = [:]
    private(set) var children: [String: [String]] = [:]
    private(set) var places: [Place] = []
    private(set) var edges: [Edge] = []
    /// Every VLAN some shown object is in or carries, ascending.
    private(set) var allVLANs: [Int] = []
    private let world: World

    init(_ world: World) throws(CoreError) {
        self.world = world
        var all: [String] = []
        for name in world.everyName {
            let kind = world.kind(of: name)!
            all.append(name)
            kinds[name] = kind
            if let maker = VirtLab.records(of: kind) { records[name] = try maker.record(world, name) }
        }
        for name in all { parent[name] = container(of: name) }
        let linked = links(among: all)
        let touched = Set(linked.flatMap { [$0.from, $0.to] })
        names = all.filter { !(kinds[$0]!.isDerived) || touched.contains($0) }
        let shown = Set(names)
        edges = linked.filter { shown.contains($0.from) && shown.contains($0.to) }
        for name in names {
            if let p = parent[name], shown.contains(p) {
                children[p, default: []].append(name)
            } else {
                parent[name] = nil
                place(name)
            }
        }
        allVLANs = Array(Set(names.flatMap(vlans(of:)))).sorted()
    }

    /// The places grouped by site, sites in the order their first place was made
    /// (nil: objects with no site), so the pictures and the tree nest racks alike.
    var bySite: [(site: String?, places: [Place])] {
        var groups: [(site: String?, places: [Place])] = []
        for place in places {
            if let i = groups.firstIndex(where: { $0.site == place.site }) {
                groups[i].places.append(place)
            } else {
                groups.append((place.site, [place]))
            }
        }
        return groups
    }

    /// The objects directly inside `name`, in creation order.
    func inside(_ name: String) -> [String] { children[name] ?? [] }

    /// The object `name` sits in: its owner, or the first `within` field naming an object.
    private func container(of name: String) -> String? {
        if let owner = world.owner(of: name) { return owner }
        guard let maker = VirtLab.records(of: kinds[name]!), let record = records[name] else { return nil }
        for field in maker.within {
            if case .string(let other)? = record[field], kinds[other] != nil { return other }
        }
        return nil
    }

    /// Whether `a` sits, directly or not, in `b`.
    private func isInside(_ a: String, _ b: String) -> Bool {
        var current = parent[a]
        while let c = current {
            if c == b { return true }
            current = parent[c]
        }
        return false
    }

    /// One edge per linked pair, in the order the links are first met; a link to
    /// what contains the object (a VM's host) is shown by nesting instead.
    private func links(among all: [String]) -> [Edge] {
        var seen = Set<[String]>()
        var result: [Edge] = []
        for name in all {
            guard let maker = VirtLab.records(of: kinds[name]!), let record = records[name] else { continue }
            for field in maker.links {
                for other in Self.linked(record[field]) where other != name && kinds[other] != nil {
                    guard !isInside(name, other), !isInside(other, name) else { continue }
                    guard seen.insert([name, other].sorted()).inserted else { continue }
                    result.append(Edge(from: other, to: name, field: field))
                }
            }
        }
        return result
    }

    /// Puts a top-level object in the place its record's `site` and `rack` give.
    private mutating func place(_ name: String) {
        let site = text(records[name]?["site"]), rack = text(records[name]?["rack"])
        if let i = places.firstIndex(where: { $0.site == site && $0.rack == rack }) {
            places[i].roots.append(name)
        } else {
            places.append(Place(site: site, rack: rack, roots: [name]))
        }
    }

    private func text(_ value: Value?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    /// The names a link field holds: one name, a list of names, or none.
    static func linked(_ value: Value?) -> [String] {
        switch value {
        case .string(let name)?: [name]
        case .list(let items)?: items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: []
        }
    }

    /// The VLANs an object is in or carries: its record's `vlan` and `vlans` fields.
    func vlans(of name: String) -> [Int] {
        var result: [Int] = []
        if case .int(let v)? = records[name]?["vlan"] { result.append(v) }
        if case .list(let xs)? = records[name]?["vlans"] {
            for case .int(let v) in xs where !result.contains(v) { result.append(v) }
        }
        return result.sorted()
    }

}
