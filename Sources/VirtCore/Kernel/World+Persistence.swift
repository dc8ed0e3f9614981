import Foundation

/// `save FILE` / `load FILE`: the whole world as JSON, with a format marker.
extension World {
    /// The format marker written at the top of every saved world.
    public static let fileFormat = "virtlab-world"
    /// The version of the saved-world layout; a file with another version is refused.
    public static let fileVersion = 1

    private struct Envelope: Codable {
        var format: String
        var version: Int
        var world: World
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// The world as deterministic JSON (sorted keys, creation order kept in arrays).
    public func savedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of finite numbers cannot fail.
        let data = try! encoder.encode(Envelope(format: World.fileFormat, version: World.fileVersion, world: self))
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a world written by `savedJSON()`; anything else is an `io` error.
    public static func load(json: String) throws(CoreError) -> World {
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw CoreError(.io, "this is not a saved VirtLab world: it is not valid JSON",
                            hint: "load reads files written by save")
        }
        guard header.format == fileFormat else {
            throw CoreError(.io, "this is not a saved VirtLab world: it has no \"format\": \"\(fileFormat)\" marker",
                            hint: "load reads files written by save")
        }
        guard header.version == fileVersion else {
            throw CoreError(.io, "this world was saved in format version \(header.version.map(String.init) ?? "?"), and this VirtLab reads version \(fileVersion)")
        }
        do {
            return try decoder.decode(Envelope.self, from: data).world
        } catch {
            throw CoreError(.io, "the saved world is damaged: \(describe(error))",
                            hint: "load reads files written by save, unmodified")
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)'\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "unexpected value\(path(context))"
        @unknown default: return "unreadable"
        }
    }
}
