/// CORE.md 3, "SR-IOV": a host NIC's physical function exposes virtual functions
/// (`HOST.NIC.vfK`) that VMs use directly; the NIC's embedded switch (named by the
/// NIC, a VEB in hardware) joins them to the wire, bypassing the hypervisor's vSwitch.
extension World {
    /// VFs per NIC unless `limit=` says otherwise (ixgbe offers 63, i40e 128: an estimate between).
    public static let defaultVFLimit = 64
    /// The most VFs a NIC may have: 256, a cap of the model (with ARI the PCIe function space allows more).
    public static let maxVFs = 256

    /// `sriov enable HOST.NIC vfs=N [limit=M]`.
    public mutating func enableSRIOV(_ nic: String, vfs: Int, limit: Int?) throws(CoreError) {
        guard kind(of: nic) == .nic, let host = NameRegistry.owner(of: nic) else {
            throw CoreError.unknown(.nic, nic, among: names(ofKind: .nic), at: "nic")
        }
        let cap = limit ?? World.defaultVFLimit
        guard (1...World.maxVFs).contains(cap) else {
            throw .value("limit must be between 1 and \(World.maxVFs) VFs (a cap of the model), not \(cap)", at: "limit")
        }
        guard (1...cap).contains(vfs) else {
            throw .value("vfs must be between 1 and \(cap), the VFs \(nic) allows, not \(vfs)",
                         hint: cap < World.maxVFs && vfs <= World.maxVFs ? "limit=\(World.maxVFs) raises the NIC's limit" : nil, at: "vfs")
        }
        if let embedded = bridges[nic] {
            throw .state("SR-IOV is already enabled on \(nic) (\(embedded.vfs!) VFs)", at: "nic")
        }
        if let vswitch = network.attachment(nic) {
            throw .state("\(nic) is the uplink of \(vswitch); VirtLab enables SR-IOV on a NIC no vSwitch uses",
                         hint: "enable it on another NIC of \(host) and cable that NIC too", at: "nic")
        }
        bridges[nic] = Bridge(name: nic, ports: 0, host: host, uplink: nic, vfs: vfs, vfLimit: cap)
        network.reindex(nic)
    }

    /// A virtual function's record: its NIC and the vNIC using it, if any.
    public func vfInfo(_ name: String) throws(CoreError) -> (name: String, nic: String, user: String?) {
        guard kind(of: name) == .vf, let nic = NameRegistry.owner(of: name) else {
            throw CoreError.unknown(.vf, name, among: names(ofKind: .vf), at: "name")
        }
        return (name, nic, bridges[nic]!.attached.first { vnics[$0]?.vf == name })
    }

    /// `nic attach VM vf=HOST.NIC`: the lowest free VF of the NIC, its vNIC on the NIC's embedded switch.
    mutating func attachVF(vm name: String, nic: String, vlan: Int?, ip: String?, mac: String?) throws(CoreError) -> String {
        let vm = try existingVM(name, at: "vm")
        guard let embedded = bridges[nic], let vfs = embedded.vfs else {
            throw .state("\(nic) has no virtual functions", hint: "sriov enable \(nic) vfs=8", at: "vf")
        }
        guard vm.host == embedded.host else {
            throw .state("\(nic) is a NIC of \(embedded.host!), and \(name) runs on \(vm.host ?? "no host")", at: "vf")
        }
        let used = Set(embedded.attached.compactMap { vnics[$0]?.vf })
        guard let free = (0..<vfs).lazy.map({ "\(nic).vf\($0)" }).first(where: { !used.contains($0) }) else {
            throw .state("every VF of \(nic) is taken (\(vfs))", hint: "detach a VF's vNIC, or enable more VFs", at: "vf")
        }
        let created = try attachNIC(vm: name, to: nic, vlan: vlan, ip: ip, mac: mac, allowEmbedded: true)
        vnics[created]!.vf = free
        return created
    }
}
