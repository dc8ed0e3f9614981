import VirtCore
import VirtLang

/// `vswitch add|info|list`, `nic attach|detach|info`: VMs' NICs (p- and v- objects).
enum NetworkNICs {
    static let all: [CommandSpec] = [vswitchAdd] + records + [attach, detach, info, sriov]

    static let sriov = CommandSpec(
        "sriov enable", summary: "Give a host NIC SR-IOV virtual functions (HOST.NIC.vf0 …) that VMs use directly",
        example: "sriov enable pm4.eth1 vfs=8",
        params: [.positional("nic", .object(.nic), "the host's NIC (not a vSwitch's uplink)"),
                 .option("vfs", .integer, "how many VFs", required: true),
                 .option("limit", .integer, "the most VFs the NIC allows (default \(World.defaultVFLimit), at most \(World.maxVFs))")],
        mutates: true,
        details: """
            A VM's vNIC on a VF (nic attach VM vf=HOST.NIC) bypasses the hypervisor's vSwitch: the NIC's embedded
            switch (about 1 µs, in hardware) joins it to the wire, so the vSwitch's policies do not apply and the host's
            CPU does no switching. A VM with a VF cannot live-migrate until that vNIC is detached. PCIe with ARI allows
            up to 256 functions; real NICs offer fewer (ixgbe 63, i40e 128); 256 is a cap of the model.
            """
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.enableSRIOV(call.text("nic")!, vfs: call.int("vfs")!, limit: call.int("limit"))
        }
        return .none
    }

    static let vswitchAdd = CommandSpec(
        "vswitch add", summary: "Add a vSwitch in a host's hypervisor, reaching the network by one of the host's NICs",
        example: "vswitch add vs9 on=pm4 uplink=eth1 mode=vepa",
        params: [.positional("name", .text, "the new vSwitch's name"),
                 .option("on", .host, "the host", required: true),
                 .option("uplink", .text, "the host's NIC it uses (eth0 or HOST.eth0)", default: .string("eth0")),
                 .option("mode", .choice(of: VSwitchMode.self), "veb or vepa (IEEE 802.1Qbg)", default: .string("veb"))],
        mutates: true,
        details: """
            VEB (Virtual Ethernet Bridge): the vSwitch switches frames between its own VMs itself. VEPA (Virtual
            Ethernet Port Aggregator): every frame goes out the uplink to the adjacent switch, which must reflect it
            (port set SW.N hairpin=on) for two VMs of the host to talk — and then that switch's policies see it.
            The uplink is a trunk: VMs with vlan= are tagged on it, the others untagged.
            """
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addVSwitch(call.text("name")!, on: call.text("on")!, uplink: call.text("uplink")!,
                             mode: call.choice("mode", as: VSwitchMode.self)!)
        }
        return .none
    }

    static let records = infoAndList(.vswitch, "A vSwitch's record: host, uplink, mode, vNICs", example: "vswitch info vs1",
                                     NetworkRecords.vswitch) { w, name throws(CoreError) in try w.vswitchInfo(name) }

    static let attach = CommandSpec(
        "nic attach", summary: "Give a VM a vNIC (VM.eth0, VM.eth1, …) on a vSwitch of its host, with a VLAN and an address",
        example: "nic attach app3 to=vs1 vlan=10 ip=10.0.10.3/24",
        params: [.positional("vm", .vm, "the VM"),
                 .option("to", .vswitch, "a vSwitch of the VM's host"),
                 .option("vf", .object(.nic), "instead of to=: a NIC of the VM's host with SR-IOV (the lowest free VF)"),
                 .option("vlan", .integer, "its VLAN, 1–4094 (tagged on the uplink); without it, untagged"),
                 .option("overlay", .object(.overlay), "instead of vlan=: a VXLAN overlay (the host's vSwitch is its VTEP)"),
                 .option("ip", .text, "its IPv4 address, ADDR/PREFIX (prefix 24 when omitted)"),
                 .option("mac", .text, "its MAC (default 52:54:00: and a counter since reset)")],
        mutates: true,
        details: "The vNIC is the VM's lowest free ethN (nic info VM.ethN shows it). MACs are 52:54:00:00:00:01, …:02, … in attach order since reset (QEMU/KVM's prefix)."
    ) { call in
        guard (call["to"] == nil) != (call["vf"] == nil) else {
            throw call.error(.value, "'nic attach' needs to=VSWITCH or vf=HOST.NIC (one of them)", hint: "nic attach VM to=vs1 ip=10.0.0.1/24",
                             at: call["vf"] == nil ? nil : "vf")
        }
        try call.change { (w: inout World) throws(CoreError) in
            try w.attachNIC(vm: call.text("vm")!, to: call.text("to"), vf: call.text("vf"), vlan: call.int("vlan"), ip: call.text("ip"), mac: call.text("mac"),
                        overlay: call.text("overlay"))
        }
        return .none
    }

    static let detach = nameOnly("nic detach", "Take a vNIC off its VM and vSwitch", example: "nic detach app1.eth0", kind: .vnic,
                                 details: "Its vSwitch forgets the address it learned on it.", param: "nic") { w, name throws(CoreError) in
        try w.detachNIC(name)
    }

    static let info = query("nic info", "A vNIC's record: VM, vSwitch, MAC, VLAN, address", example: "nic info app1.eth0",
                            kind: .vnic, details: NetworkRecords.vnic.help) { w, name throws(CoreError) in
        NetworkRecords.vnic.record(try w.vnicInfo(name))
    }
}
