import Foundation

/// Small real image files for tests: their first bytes are what Loa reads to tell an image's kind.
enum TestImages {
    /// A 2×2 PNG.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGO4pSoLRAz/wQAALb8IM69cT40AAAAASUVORK5CYII="
    )!
    /// A 1×1 JPEG.
    static let jpeg = Data(
        base64Encoded:
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////"
            + "////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="
    )!

    /// A JPEG of `size` bytes: a real JPEG's start, padded with zeros (Loa reads an image's kind from its start).
    static func jpeg(size: Int) -> Data {
        var data = jpeg
        data.append(Data(count: max(0, size - data.count)))
        return data
    }
}
