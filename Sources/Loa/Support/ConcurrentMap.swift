import Dispatch

extension Array where Element: Sendable {
    /// `map`, with the elements transformed on every core at once; the results keep the elements' order.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(self[index])
            }
        }
        return results.compactMap { $0 }
    }

    /// Transforms the elements on every core while `consume` takes the results on the calling thread, in the
    /// elements' order, each as soon as it is ready: work that must be done in order (writing to the archive)
    /// overlaps the transforming instead of waiting for all of it. When `consume` throws, the transforms still
    /// running finish before the error is passed on, and no result after it is consumed.
    func concurrentForEach<Result: Sendable>(
        _ transform: @escaping @Sendable (Element) -> Result,
        consume: (Element, Result) throws -> Void
    ) rethrows {
        guard count > 1 else {
            for element in self { try consume(element, transform(element)) }
            return
        }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let done = DispatchGroup()
        // Each iteration writes only its own slot, then signals it; the caller reads a slot after its signal.
        nonisolated(unsafe) let slots = results
        let elements = self
        DispatchQueue.global().async(group: done) {
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots[index] = transform(elements[index])
                ready[index].signal()
            }
        }
        defer {
            done.wait()
            _ = results.deinitialize()
            results.deallocate()
        }
        for index in indices {
            ready[index].wait()
            guard let result = results[index] else { continue }
            try consume(self[index], result)
        }
    }
}
