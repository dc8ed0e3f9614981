import Testing
@testable import VirtCore

/// CORE.md 4: tenants served by the three parts together, within their quotas.
@Suite struct CloudTenantTests {
    /// pm1 (no vSwitch), pm2 and pm3 with vSwitches on sw1 (trunks of VLAN 1), shared
    /// disks in pools p1 (site a) and p2 (site b), and pool local on pm2's own disks;
    /// tenant acme (VLAN 1) with quotas of 4 vcpus, 8G, 100G and 2 networks.
    static func cloud() throws -> World {
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try w.addHost("pm1", cpus: 16, mem: 64 * GiB)
        try w.installHypervisor(on: "pm1", kind: .hardware)
        try addNetworkedHost(&w, "pm2", port: "sw1.2")
        try addNetworkedHost(&w, "pm3", port: "sw1.3")
        for (i, site) in ["a", "a", "b", "b"].enumerated() { try w.addDisk("d\(i)", size: 1 << 40, site: site) }
        try w.addDisk("l0", size: 1 << 40, on: "pm2")
        try w.addDisk("l1", size: 1 << 40, on: "pm2")
        try w.createPool("local", disks: ["l0", "l1"], raid: 1)
        try w.createPool("p1", disks: ["d0", "d1"], raid: 1)
        try w.createPool("p2", disks: ["d2", "d3"], raid: 1)
        try w.addTenant("acme", quota: TenantQuota(vcpus: 4, mem: 8 * GiB, storage: 100 * GiB, networks: 2))
        return w
    }

    @Test func aVMGoesToTheFirstHostThatCanTakeItAndJoinsTheTenantsVLAN() throws {
        var w = try Self.cloud()
        // pm1 has a hypervisor but no vSwitch: first fit skips it.
        #expect(try w.createTenantVM("acme", "web", vcpus: 1, mem: GiB, os: .linux, ip: "10.0.0.1/24") == "pm2")
        let vm = try w.vmInfo("web")
        #expect(vm.state == .running && vm.nics == ["web.eth0"])
        let nic = try w.vnicInfo("web.eth0")
        #expect(nic.vswitch == "vs-pm2" && nic.vlan == 1)
        try w.failHost("pm2")
        #expect(try w.createTenantVM("acme", "db", vcpus: 1, mem: GiB, os: .linux, ip: "10.0.0.2/24") == "pm3")
        #expect(try w.tenantInfo("acme").vms == ["web", "db"])
    }

    @Test func furtherNetworksAreOverlaysWithTheirOwnVNIs() throws {
        var w = try Self.cloud()
        try w.addOverlay("other", vni: 5000, mtu: nil)
        try w.createTenantNetwork("acme", "acme-db")
        #expect(try w.overlayInfo("acme-db").vni == 5001, "the lowest VNI from 5000 no overlay has")
        try w.createTenantVM("acme", "db", vcpus: 1, mem: GiB, os: .linux, network: "acme-db", ip: "10.0.0.2/24")
        #expect(try w.overlayInfo("acme-db").nics == ["db.eth0"])
        let info = try w.tenantInfo("acme")
        #expect(info.overlays == ["acme-db"] && info.used.networks == 2)
        expectRefused(&w, .value, containing: "not a network of tenant acme") { w throws(CoreError) in
            try w.createTenantVM("acme", "x", vcpus: 1, mem: GiB, os: .linux, network: "other")
        }
    }

    @Test func everyQuotaRefusesClearlyAndChangesNothing() throws {
        var w = try Self.cloud()
        try w.createTenantVM("acme", "web", vcpus: 3, mem: 6 * GiB, os: .linux)
        try w.createTenantVolume("acme", "data", size: 80 * GiB)
        try w.createTenantNetwork("acme", "acme-db")
        let vcpus = expectRefused(&w, .state, containing: "quota is 4 vcpus: 3 in use") { w throws(CoreError) in
            try w.createTenantVM("acme", "big", vcpus: 2, mem: GiB, os: .linux)
        }
        #expect(vcpus?.parameter == "vcpus")
        expectRefused(&w, .state, containing: "quota is 8 GiB of memory: 6 GiB in use") { w throws(CoreError) in
            try w.createTenantVM("acme", "fat", vcpus: 1, mem: 4 * GiB, os: .linux)
        }
        expectRefused(&w, .state, containing: "quota is 100 GiB of storage: 80 GiB in use") { w throws(CoreError) in
            try w.createTenantVolume("acme", "more", size: 40 * GiB)
        }
        expectRefused(&w, .state, containing: "quota is 2 networks: 2 (its VLAN and 1 overlay) in use") { w throws(CoreError) in
            try w.createTenantNetwork("acme", "acme-3")
        }
        // Within the quotas, the next requests succeed; a destroyed VM frees its share.
        try w.createTenantVM("acme", "small", vcpus: 1, mem: 2 * GiB, os: .linux)
        try w.destroyVM("web")
        #expect(try w.tenantInfo("acme").used == TenantUsage(vcpus: 1, mem: 2 * GiB, storage: 80 * GiB, networks: 2))
        #expect(try w.tenantInfo("acme").vms == ["small"])
    }

    @Test func aFailedPlacementOrVolumeLeavesNothingBehind() throws {
        var w = try Self.cloud()
        try w.addTenant("big")
        expectRefused(&w, .state, containing: "pm1: no room; pm2: no room; pm3: no room") { w throws(CoreError) in
            try w.createTenantVM("big", "huge", vcpus: 17, mem: GiB, os: .linux)
        }
        expectRefused(&w, .value, containing: "is not an IPv4 address") { w throws(CoreError) in
            try w.createTenantVM("big", "x", vcpus: 1, mem: GiB, os: .linux, ip: "10.0.0.300/24")
        }
        // replicas=3 spread=site: only two sites have shared pools.
        expectRefused(&w, .state, containing: "no pool can hold volume v") { w throws(CoreError) in
            try w.createTenantVolume("big", "v", size: GiB, replicas: 3, spread: .site)
        }
    }

    @Test func volumesGoToSharedStorageEveryHypervisorHostReaches() throws {
        var w = try Self.cloud()
        try w.createTenantVM("acme", "db", vcpus: 1, mem: GiB, os: .linux)
        // `local` comes first but sits on pm2's own disks: p1 is the first shared pool.
        try w.createTenantVolume("acme", "data", size: 10 * GiB, replicas: 2, spread: .site, vm: "db")
        let volume = try w.volumeInfo("data")
        #expect(volume.pool == "p1" && volume.replicas == 2 && volume.vm == "db")
        // Its host fails; the VM restarts elsewhere with its disk, and its vNIC follows it.
        try w.failHost("pm2")
        expectRefused(&w, .state, containing: "pm1 has no vSwitch for db.eth0") { w throws(CoreError) in try w.restartVM("db", host: "pm1") }
        try w.restartVM("db", host: "pm3")
        #expect(try w.vnicInfo("db.eth0").vswitch == "vs-pm3")
        try w.addTenant("other")
        expectRefused(&w, .value, containing: "not a VM of tenant other") { w throws(CoreError) in
            try w.createTenantVolume("other", "v", size: GiB, vm: "db")
        }
    }

    @Test func badQuotasAndSizesAreLocatedValueErrors() throws {
        var w = try Self.cloud()
        let quotas: [(TenantQuota, String)] = [
            (TenantQuota(vcpus: 0), "vcpus"), (TenantQuota(vcpus: -1), "vcpus"), (TenantQuota(vcpus: Int.max), "vcpus"),
            (TenantQuota(mem: 0), "mem"), (TenantQuota(mem: Int64.max), "mem"),
            (TenantQuota(storage: -1), "storage"), (TenantQuota(storage: Int64.max), "storage"),
            (TenantQuota(networks: 0), "networks"), (TenantQuota(networks: Int.max), "networks"),
        ]
        for (quota, parameter) in quotas {
            let error = expectRefused(&w, .value) { w throws(CoreError) in try w.addTenant("t", quota: quota) }
            #expect(error?.parameter == parameter)
        }
        for (vcpus, mem, parameter) in [(0, GiB, "vcpus"), (Int.max, GiB, "vcpus"), (1, Int64(0), "mem"), (1, Int64.max, "mem")] {
            let error = expectRefused(&w, .value) { w throws(CoreError) in try w.createTenantVM("acme", "v", vcpus: vcpus, mem: mem, os: .linux) }
            #expect(error?.parameter == parameter)
        }
        for (size, replicas, parameter) in [(Int64(0), 1, "size"), (-1, 1, "size"), (GiB, 0, "replicas"), (GiB, Int.max, "replicas")] {
            let error = expectRefused(&w, .value) { w throws(CoreError) in try w.createTenantVolume("acme", "v", size: size, replicas: replicas) }
            #expect(error?.parameter == parameter)
        }
        expectRefused(&w, .name) { w throws(CoreError) in try w.createTenantVM("nobody", "v", vcpus: 1, mem: GiB, os: .linux) }
        let taken = expectRefused(&w, .state) { w throws(CoreError) in try w.createTenantNetwork("acme", "acme") }
        #expect(taken?.parameter == "name")
    }

    @Test func quotasAndHoldingsSurviveSaveAndLoad() throws {
        var w = try Self.cloud()
        try w.createTenantVM("acme", "web", vcpus: 1, mem: GiB, os: .linux)
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        #expect(try loaded.tenantInfo("acme").quota == TenantQuota(vcpus: 4, mem: 8 * GiB, storage: 100 * GiB, networks: 2))
    }
}
