import VirtCore
import VirtLang

/// Part 2's records, each declared once as a field table.
enum NetworkCloudRecords {
    typealias F = FieldValue

    static let router = RecordSchema<RouterInfo>([
        Field("name", "the router's name") { .string($0.name) },
        Field("ports", "its ports, NAME.1 … NAME.N") { F.names($0.ports) },
        Field("interfaces", "its sub-interfaces: VLAN, address/prefix, port, MAC") { F.names($0.interfaces) },
        Field("acls", "its inbound ACL lines per VLAN, in order") { F.names($0.acls) },
        Field("peers", "where its ports are cabled", link: true) { F.names($0.peers) },
    ])

    static let gateway = RecordSchema<VPNGatewayInfo>([
        Field("name", "the gateway's name") { .string($0.name) },
        Field("network", "the network it fronts") { .string($0.network) },
        Field("inside", "its inside address, on port NAME.1") { .string($0.inside) },
        Field("public", "its public (outer) address") { .string($0.publicIP) },
        Field("clients", "connected clients: VM, inside address, user") { F.names($0.clients) },
        Field("tunnels", "gateways it has site-to-site tunnels with", link: true) { F.names($0.tunnels) },
    ])

    static let user = RecordSchema<(name: String, allow: [String])>([
        Field("name", "the user's name") { .string($0.name) },
        Field("allow", "the subnets it is authorized for (empty: the gateway's network)") { F.names($0.allow) },
    ])

    static let session = RecordSchema<VPNSessionInfo>([
        Field("client", "the VM connected") { .string($0.client) },
        Field("gateway", "the gateway") { .string($0.gateway) },
        Field("user", "the authenticated user") { .string($0.user) },
        Field("address", "the client's address inside the network") { .string($0.address) },
        Field("allow", "the subnets it may reach") { F.names($0.allow) },
    ])

    static let tenant = RecordSchema<TenantInfo>([
        Field("name", "the tenant's name") { .string($0.name) },
        Field("vlan", "its own VLAN ID (1–4094, given in order)") { .int($0.vlan) },
        Field("mtu", "its VMs' NIC MTU") { .int($0.mtu) },
        Field("rate", "its rate limit on the network, or none") { $0.rate.map { .quantity(.bitsPerSecond($0)) } ?? .none },
        Field("nics", "vNICs in its VLAN", link: true) { F.names($0.nics) },
        Field("vcpus", "its vcpus quota, or none") { F.int($0.quota.vcpus) },
        Field("vcpus_used", "vcpus of its VMs (any state)") { .int($0.used.vcpus) },
        Field("mem", "its memory quota, or none") { $0.quota.mem.map(F.size) ?? .none },
        Field("mem_used", "memory of its VMs (any state)") { F.size($0.used.mem) },
        Field("storage", "its storage quota, or none") { $0.quota.storage.map(F.size) ?? .none },
        Field("storage_used", "sizes of its volumes") { F.size($0.used.storage) },
        Field("networks", "its networks quota (its VLAN included), or none") { F.int($0.quota.networks) },
        Field("networks_used", "its networks: its VLAN and its overlays") { .int($0.used.networks) },
        Field("overlays", "its networks after the VLAN: VXLAN overlays", link: true) { F.names($0.overlays) },
        Field("vms", "its VMs, in creation order", link: true) { F.names($0.vms) },
        Field("volumes", "its volumes, in creation order", link: true) { F.names($0.volumes) },
    ])

    static let overlay = RecordSchema<OverlayInfo>([
        Field("name", "the overlay's name") { .string($0.name) },
        Field("vni", "its VXLAN network identifier (24 bits)") { .int($0.vni) },
        Field("mtu", "its VMs' inner MTU") { .int($0.mtu) },
        Field("underlay_mtu", "the physical network's MTU") { .int($0.underlayMTU) },
        Field("fits", "the largest inner IP packet the underlay carries: underlay MTU − 50") { .int($0.fits) },
        Field("rate", "its rate limit on the network, or none") { $0.rate.map { .quantity(.bitsPerSecond($0)) } ?? .none },
        Field("nics", "its vNICs", link: true) { F.names($0.nics) },
        Field("vteps", "the VTEPs of the hosts its VMs run on, with their underlay addresses") { F.names($0.vteps) },
    ])

    static let flow = RecordSchema<FlowInfo>([
        Field("id", "the flow's number (flow stop ID)") { .int($0.id) },
        Field("a", "the sender") { .string($0.a) },
        Field("b", "the receiver") { .string($0.b) },
        Field("rate", "its max-min fair share now") { .quantity(.bitsPerSecond($0.rate)) },
        Field("path", "the devices it crosses") { F.names($0.path) },
        Field("bottleneck", "what limits it") { .string($0.bottleneck) },
    ])

    static let transfer = RecordSchema<TransferResult>([
        Field("time", "how long the transfer took (the clock moved by it)") { F.seconds($0.time) },
        Field("throughput", "its rate: its max-min fair share") { .quantity(.bitsPerSecond($0.throughput)) },
        Field("path", "the devices it crossed") { F.names($0.path) },
        Field("bottleneck", "what limited it") { .string($0.bottleneck) },
        Field("flows", "running flows it shared the network with") { .int($0.flows) },
    ])
}
