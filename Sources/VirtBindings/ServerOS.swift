import VirtCore
import VirtLang

/// CORE.md 1, "Guest operating systems": `os list`.
enum ServerOS {
    static let all: [CommandSpec] = [list]

    static let list = CommandSpec(
        "os list", summary: "The guest operating systems a VM can run, and which are paravirtualized",
        example: "os list",
        details: "A para hypervisor runs only paravirtualized guests (their kernels make hypercalls); "
            + "vm create host=, vm set host=, place, vm start and vm migrate refuse the others, saying why."
    ) { _ in
        .list(GuestOS.catalogue.map { .record(ServerRecords.guestOS.record($0)) })
    }
}
