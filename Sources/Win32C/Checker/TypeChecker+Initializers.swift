/// Initializers: scalars, strings into character arrays, brace lists with
/// brace elision and C99 designators.
extension TypeChecker {
    func initializeObject(_ binding: Binding, type: CType, initializer: Initializer) {
        if case .register(let t) = binding {
            var item = initializer
            if case .list(let items, _) = initializer {
                if items.count > 1 { error("excess elements in scalar initializer", items[1].location) }
                guard let first = items.first else { return }
                item = first
            }
            guard case .expression(let e) = item else { error("braces around scalar initializer", item.location); return }
            assignConvert(from: check(e), to: t, at: e.location, what: "initializing")
            return
        }
        initializeMember(type: type, initializer: initializer, depth: 0)
    }

    private func initializeMember(type: CType, initializer: Initializer, depth: Int) {
        guard depth < 64 else { error("initializer nested too deeply", initializer.location); return }
        switch (type, initializer) {
        case (_, .designated(_, _, let loc)):
            error("designator outside a braced initializer list", loc)
        case (.array(let element, let count), .expression(let e)):
            guard case .string(let units, let wide) = e.kind, element.isInteger else {
                error("array initializer must be an initializer list or string literal", e.location)
                return
            }
            let unit = wide ? 2 : 1
            if element.size != unit { error("initializing an array of \(element.description) from a string literal of another width", e.location) }
            if units.count * unit > (count ?? 0) * element.size { error("initializer string is too long for the array", e.location) }
        case (.array(let element, _), .list(let items, _)):
            if items.count == 1, case .expression(let e) = items[0], case .string = e.kind, element.isInteger {
                initializeMember(type: type, initializer: items[0], depth: depth + 1)
                return
            }
            var index = 0
            initializeAggregate(type: type, items: items, index: &index, depth: depth + 1, braced: true)
            if index < items.count { error("excess elements in array initializer", items[index].location) }
        case (.record(let r), .list(let items, _)):
            var index = 0
            initializeAggregate(type: type, items: items, index: &index, depth: depth + 1, braced: true)
            if index < items.count {
                error("excess elements in \(r.isUnion ? "union" : "struct") initializer", items[index].location)
            }
        case (.record, .expression(let e)):
            let t = check(e)
            if case .record(let a) = t, case .record(let b) = type, a === b { return }
            if !t.isError { error("initializing '\(type.description)' with an expression of incompatible type '\(t.description)'", e.location) }
        case (_, .list(let items, _)):
            if items.count > 1 { error("excess elements in scalar initializer", items[1].location) }
            if let first = items.first { initializeMember(type: type, initializer: first, depth: depth + 1) }
        case (_, .expression(let e)):
            assignConvert(from: check(e), to: type, at: e.location, what: "initializing")
        }
    }

    /// An array or struct from `items[index...]`, nested aggregates taking
    /// their elements without braces (C's brace elision). Designators
    /// (`.name =`, `[i] =`) move the position; in an elided aggregate they
    /// end it and go back to the enclosing braces.
    private func initializeAggregate(type: CType, items: [Initializer], index: inout Int, depth: Int, braced: Bool = false) {
        guard depth < 64 else { error("initializer nested too deeply", items.first?.location ?? .unknown); return }
        switch type {
        case .array(let element, let count):
            var i = 0
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    index += 1
                    guard case .index(let e) = designators[0] else {
                        error("member designator used to initialize an array", loc)
                        continue
                    }
                    guard let v = ConstantEvaluator.evaluate(e, depth: 0), v >= 0, v < (count ?? 0) else {
                        error("array designator index is not a constant within the array bounds", e.location)
                        continue
                    }
                    i = Int(v) + 1
                    initializeDesignated(type: element, rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    continue
                }
                guard i < (count ?? 0) else { return }
                initializeElement(type: element, items: items, index: &index, depth: depth + 1)
                i += 1
            }
        case .record(let r):
            var f = 0
            let limit = r.isUnion ? min(1, r.members.count) : r.members.count
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    index += 1
                    guard case .member(let name, let nameLoc) = designators[0] else {
                        error("array designator used to initialize a struct", loc)
                        continue
                    }
                    guard let found = r.member(named: name),
                          let top = r.members.firstIndex(where: { $0.name == name || ($0.name == nil && TypeRules.contains($0.type, name)) })
                    else {
                        error("no member named '\(name)' in '\(type.description)'", nameLoc)
                        continue
                    }
                    initializeDesignated(type: found.type, rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    f = top + 1
                    continue
                }
                guard f < limit else { return }
                initializeElement(type: r.members[f].type, items: items, index: &index, depth: depth + 1)
                f += 1
            }
        default:
            if index < items.count {
                if case .designated(_, _, let loc) = items[index] {
                    error("designator in a scalar initializer", loc)
                    index += 1
                    return
                }
                initializeMember(type: type, initializer: items[index], depth: depth + 1)
                index += 1
            }
        }
    }

    private func initializeDesignated(type: CType, rest: [Designator], value: Initializer, loc: SourceLocation, depth: Int) {
        if rest.isEmpty {
            initializeMember(type: type, initializer: value, depth: depth + 1)
        } else {
            var index = 0
            initializeAggregate(type: type, items: [.designated(rest, value, loc)], index: &index, depth: depth + 1, braced: true)
        }
    }

    private func initializeElement(type: CType, items: [Initializer], index: inout Int, depth: Int) {
        let item = items[index]
        if case .designated = item {
            index += 1
            return
        }
        if type.isArray || type.isRecord, case .expression(let e) = item, !TypeRules.initializesWhole(type, e, typeOf: typeOf) {
            initializeAggregate(type: type, items: items, index: &index, depth: depth + 1)
            return
        }
        initializeMember(type: type, initializer: item, depth: depth + 1)
        index += 1
    }
}
