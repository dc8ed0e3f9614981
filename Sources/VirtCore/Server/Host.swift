/// A physical machine ("pM").
struct Host: Codable, Equatable, Sendable {
    var name: String
    var cpus: Int
    var mem: Int64
    var vt: Bool
    var cpu: CPUVendor
    var ghz: Double
    var nics: Int
    var os: HostOS
    var ip: String?
    var rack: String?
    var site: String?
    var powerModel: PowerModel
    var state: HostState = .up
    var power: PowerState = .on
    var cpuRatio: Double = 1
    var memRatio: Double = 1
    var hypervisor: Hypervisor?
    /// Every assigned VM, any state, in assignment order (the host's VM index).
    var vms: [String] = []
    /// vcpus of every assigned VM (kept up to date; never rescanned).
    var cpusUsed = 0
    /// Memory of every assigned VM, in bytes.
    var memUsed: Int64 = 0

    var cpuCapacity: Double { Double(cpus) * cpuRatio }
    var memCapacity: Double { Double(mem) * memRatio }
    var freeCPU: Double { cpuCapacity - Double(cpusUsed) }
    var freeMem: Double { memCapacity - Double(memUsed) }

    /// Up, powered on and running a hypervisor: able to run VMs.
    var canRunVMs: Bool { state == .up && power == .on && hypervisor != nil }

    func fits(vcpus: Int, mem bytes: Int64) -> Bool {
        Double(cpusUsed) + Double(vcpus) <= cpuCapacity && Double(memUsed) + Double(bytes) <= memCapacity
    }

    mutating func assign(_ vm: VM) {
        vms.append(vm.name)
        cpusUsed += vm.vcpus
        memUsed += vm.mem
    }

    mutating func unassign(_ vm: VM) {
        vms.removeAll { $0 == vm.name }
        cpusUsed -= vm.vcpus
        memUsed -= vm.mem
    }
}

/// Whether a host works.
public enum HostState: String, Codable, Sendable, CaseIterable { case up, failed }
/// Whether a host is powered.
public enum PowerState: String, Codable, Sendable, CaseIterable { case on, off }
/// The CPU vendor; live migration needs the same vendor on both ends.
public enum CPUVendor: String, Codable, Sendable, CaseIterable { case intel, amd }
/// The host's own operating system: apps, jails (freebsd), UML (linux) and coLinux (windows) depend on it.
public enum HostOS: String, Codable, Sendable, CaseIterable { case linux, windows, freebsd }

/// Host defaults (`host add` without the option). None is a published figure: each is an estimate (docs/sources.md).
public enum HostDefaults {
    /// VT-x/AMD-V present: estimate — every server CPU since 2006 has it.
    public static let vt = true
    /// Estimate: the common server vendor.
    public static let cpu = CPUVendor.intel
    /// Estimate: a typical server clock rate; converts cycles to seconds.
    public static let ghz = 2.4
    /// Estimate: a dual-port server NIC.
    public static let nics = 2
    /// CORE.md: the host's own OS defaults to linux.
    public static let os = HostOS.linux
    /// Estimate: linear model, 100 W idle, 250 W at full load (a two-socket server's order of magnitude).
    public static let power = PowerModel.linear(idle: 100, max: 250)
}
