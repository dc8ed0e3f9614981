/// The largest counts and sizes the server model represents. Beyond them an
/// option is a value error naming it, so that no sum the model keeps (a host's
/// assigned vcpus and memory, placement's room) can overflow.
public enum ModelLimits {
    /// CPUs of a host, vcpus of a VM: 2^20.
    public static let maxCPUs = 1 << 20
    /// Memory of a host or a VM: 1 PiB (1024T).
    public static let maxMem: Int64 = 1 << 50
    /// VMs assigned to one host without a capacity check (`vm create host=`, `vm set host=`):
    /// with the limits above, a host's counters stay below 2^63.
    public static let maxVMsPerHost = 4096

    /// "vcpus must be at least 1 and at most 1048576, not …".
    static func checkCPUs(_ n: Int, _ option: String) throws(CoreError) {
        guard n >= 1, n <= maxCPUs else {
            throw .value("\(option) must be between 1 and \(maxCPUs), not \(n)", at: option)
        }
    }

    /// "mem must be positive and at most 1024T, not …".
    static func checkMem(_ bytes: Int64, _ option: String) throws(CoreError) {
        guard bytes > 0, bytes <= maxMem else {
            throw .value("\(option) must be positive and at most \(formatBytes(maxMem)), not \(formatBytes(bytes))", at: option)
        }
    }
}
