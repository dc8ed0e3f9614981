/// CORE.md 3, "IP on top": `router add`, `router iface`, `acl add`. Each operation
/// validates everything, then changes the world.
extension World {
    /// `router add NAME [ports=N]`: ports `NAME.1…NAME.N`, cabled with `link`.
    public mutating func addRouter(_ name: String, ports: Int) throws(CoreError) {
        try registry.checkFree(name, for: .router)
        try checkPortCount(ports)
        registry.insert(name, as: .router)
        routers[name] = Router(name: name, ports: ports)
    }

    func checkPortCount(_ ports: Int) throws(CoreError) {
        guard (1...World.maxSwitchPorts).contains(ports) else {
            throw .value("ports must be between 1 and \(World.maxSwitchPorts), not \(ports)", at: "ports")
        }
    }

    /// `router iface ROUTER vlan=V ip=ADDR/PREFIX [port=ROUTER.N]`: a sub-interface, the
    /// gateway of the VMs in that subnet.
    public mutating func addRouterInterface(_ name: String, vlan: Int, ip: String, port: String?) throws(CoreError) {
        let router = try existingRouter(name)
        let tag = try checkVLAN(vlan, at: "vlan")
        let (address, prefix) = try parseCIDR(ip)
        try checkHostAddress(address, prefix: prefix)
        let port = try routerPort(port, of: router)
        if router.interfaces.contains(where: { $0.port == port && $0.vlan == tag }) {
            throw .state("\(name) already has an interface in VLAN \(vlan) on \(port)", hint: "router info \(name) lists them", at: "vlan")
        }
        if let other = router.interfaces.first(where: { $0.contains(address) || CIDR(ip: address, prefix: prefix).contains($0.ip) }) {
            throw .state("\(address)/\(prefix) overlaps \(other.network), the subnet of \(name)'s interface in VLAN \(other.vlan.map(String.init) ?? "untagged")",
                         hint: "each interface routes its own subnet", at: "ip")
        }
        routers[name]!.interfaces.append(RouterInterface(port: port, vlan: tag, ip: address, prefix: prefix, mac: takeRouterMAC()))
    }

    /// `acl add ROUTER vlan=V action=permit|deny [src=CIDR] [dst=CIDR] [proto=…]`: a line at the
    /// end of that VLAN interface's inbound list; returns its line number.
    @discardableResult
    public mutating func addACL(_ name: String, vlan: Int, action: ACLAction, src: String?, dst: String?,
                                proto: ACLProtocol) throws(CoreError) -> Int {
        let router = try existingRouter(name)
        let tag = try checkVLAN(vlan, at: "vlan")
        guard router.interfaces.contains(where: { $0.vlan == tag }) else {
            throw .state("\(name) has no interface in VLAN \(vlan): an ACL filters what comes in by one",
                         hint: router.interfaces.isEmpty ? "router iface \(name) vlan=\(vlan) ip=10.0.\(vlan % 256).1/24"
                                                         : "its VLANs: \(router.interfaces.compactMap(\.vlan).map(String.init).joined(separator: ", "))", at: "vlan")
        }
        let line = ACLLine(action: action, src: try src.map { s throws(CoreError) in try parseNetwork(s, at: "src") },
                           dst: try dst.map { s throws(CoreError) in try parseNetwork(s, at: "dst") }, proto: proto)
        routers[name]!.acls[Int(tag), default: []].append(line)
        return routers[name]!.acls[Int(tag)]!.count
    }

    /// `router info NAME`.
    public func routerInfo(_ name: String) throws(CoreError) -> RouterInfo {
        let router = try existingRouter(name)
        let ports = (1...router.ports).map { "\(name).\($0)" }
        return RouterInfo(
            name: name, ports: ports,
            interfaces: router.interfaces.map { "vlan \($0.vlan.map(String.init) ?? "untagged") \($0.ip)/\($0.prefix) on \($0.port) (mac \($0.mac))" },
            acls: router.acls.keys.sorted().flatMap { vlan in
                router.acls[vlan]!.enumerated().map { "vlan \(vlan) line \($0.offset + 1): \($0.element.text)" }
            },
            peers: ports.compactMap { network.links[$0] })
    }

    func existingRouter(_ name: String, at parameter: String = "router") throws(CoreError) -> Router {
        guard let router = routers[name], kind(of: name) == .router else {
            throw CoreError.unknown(.router, name, among: names(ofKind: .router), at: parameter)
        }
        return router
    }

    /// `port=ROUTER.N` (default the first port).
    private func routerPort(_ port: String?, of router: Router) throws(CoreError) -> String {
        guard let port else { return "\(router.name).1" }
        let full = port.hasPrefix(router.name + ".") ? port : "\(router.name).\(port)"
        guard let n = Int(full.dropFirst(router.name.count + 1)), (1...router.ports).contains(n) else {
            throw CoreError.unknown(.port, port, among: (1...router.ports).map { "\(router.name).\($0)" }, at: "port")
        }
        return full
    }

    /// An address a host may have in its subnet (not the network or broadcast address).
    func checkHostAddress(_ ip: IPv4, prefix: Int) throws(CoreError) {
        guard prefix < 31 else { return }
        let host = ip.value & ~CIDR.mask(prefix)
        if host == 0 || host == ~CIDR.mask(prefix) {
            throw .value("\(ip) is the \(host == 0 ? "network" : "broadcast") address of \(CIDR(ip: ip, prefix: prefix)), not a host's",
                         hint: "use an address inside it, as \(IPv4((ip.value & CIDR.mask(prefix)) + 1))/\(prefix)", at: "ip")
        }
    }

    /// A network for an ACL or an allow-list: ADDR/PREFIX, ADDR or any.
    func parseNetwork(_ text: String, at parameter: String) throws(CoreError) -> CIDR {
        guard let cidr = CIDR(parsing: text) else {
            throw .value("'\(text)' is not a network", hint: "write ADDR/PREFIX as 10.0.20.0/24, one address, or any", at: parameter)
        }
        return cidr
    }

    /// The next interface MAC of routers and gateways: 02:00:00 (locally administered) and a counter.
    mutating func takeRouterMAC() -> MAC {
        defer { cloudNetwork.nextMAC += 1 }
        return MAC(0x0200_0000_0000 | cloudNetwork.nextMAC)
    }
}
