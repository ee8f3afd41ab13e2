/// Code for initializers: scalars, strings into character arrays, brace
/// lists with brace elision and C99 designators, all checked before.
extension CodeGenerator {
    private func pushAddress(_ place: LocalSymbol, offset: Int) {
        switch place {
        case .frame(let base, _): emit(.frameAddr, b: UInt64(base + offset))
        case .global(let a, _): emitConst(a + UInt64(offset))
        case .register: break
        }
    }

    func initializeObject(_ place: LocalSymbol, type: CType, initializer: Initializer, zeroFirst: Bool) {
        if case .register(let r, let t) = place {
            var item = initializer
            if case .list(let items, let loc) = initializer {
                guard let first = items.first else {
                    location = loc
                    emitConst(0)
                    emit(.storeReg, a: r)
                    return
                }
                item = first
            }
            guard case .expression(let e) = item else { return }
            assignConvert(from: rvalue(e), to: t)
            emit(.storeReg, a: r)
            return
        }
        if zeroFirst, type.isArray || type.isRecord {
            if case .list = initializer {
                pushAddress(place, offset: 0)
                emit(.zeroBlock, b: UInt64(type.size))
            } else if case .expression(let e) = initializer, case .string = e.kind, type.isArray {
                pushAddress(place, offset: 0)
                emit(.zeroBlock, b: UInt64(type.size))
            }
        }
        initializeMember(place, offset: 0, type: type, initializer: initializer, depth: 0)
    }

    private func initializeMember(_ place: LocalSymbol, offset: Int, type: CType, initializer: Initializer, depth: Int) {
        switch (type, initializer) {
        case (_, .designated):
            return
        case (.array(let element, let count), .expression(let e)):
            guard case .string(let units, let wide) = e.kind else { return }
            location = e.location
            let unit = wide ? 2 : 1
            let n = min((count ?? 0) * element.size, (units.count + 1) * unit)
            pushAddress(place, offset: offset)
            emitConst(stringAddress(units, wide: wide))
            emit(.copyBlock, b: UInt64(n))
            emit(.pop)
        case (.array(let element, _), .list(let items, _)):
            if items.count == 1, case .expression(let e) = items[0], case .string = e.kind, element.isInteger {
                initializeMember(place, offset: offset, type: type, initializer: items[0], depth: depth + 1)
                return
            }
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1, braced: true)
        case (.record, .list(let items, _)):
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1, braced: true)
        case (.record, .expression(let e)):
            location = e.location
            pushAddress(place, offset: offset)
            rvalue(e)
            emit(.copyBlock, b: UInt64(type.size))
            emit(.pop)
        case (_, .list(let items, let loc)):
            if let first = items.first {
                initializeMember(place, offset: offset, type: type, initializer: first, depth: depth + 1)
            } else {
                location = loc
                pushAddress(place, offset: offset)
                emitConst(0)
                emit(.storePop, a: Int32(type.size))
            }
        case (_, .expression(let e)):
            location = e.location
            pushAddress(place, offset: offset)
            assignConvert(from: rvalue(e), to: type)
            emit(.storePop, a: Int32(type.size))
        }
    }

    /// Fills an array or struct from `items[index...]`, letting nested
    /// aggregates take their elements without braces (C's brace elision).
    /// Designators (`.name =`, `[i] =`) move the position; in an elided
    /// aggregate they end it and go back to the enclosing braces.
    private func initializeAggregate(_ place: LocalSymbol, offset: Int, type: CType, items: [Initializer], index: inout Int,
                                     depth: Int, braced: Bool = false) {
        switch type {
        case .array(let element, let count):
            var i = 0
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    guard case .index(let e) = designators[0], let v = ConstantEvaluator.evaluate(e, depth: 0) else {
                        index += 1
                        continue
                    }
                    i = Int(v)
                    initializeDesignated(place, offset: offset + i * element.size, type: element,
                                         rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    index += 1
                    i += 1
                    continue
                }
                guard i < (count ?? 0) else { return }
                initializeElement(place, offset: offset + i * element.size, type: element, items: items, index: &index, depth: depth + 1)
                i += 1
            }
        case .record(let r):
            var f = 0
            let limit = r.isUnion ? min(1, r.members.count) : r.members.count
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    guard case .member(let name, _) = designators[0], let found = r.member(named: name),
                          let top = r.members.firstIndex(where: { $0.name == name || ($0.name == nil && TypeRules.contains($0.type, name)) })
                    else {
                        index += 1
                        continue
                    }
                    initializeDesignated(place, offset: offset + found.offset, type: found.type,
                                         rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    index += 1
                    f = top + 1
                    continue
                }
                guard f < limit else { return }
                let m = r.members[f]
                initializeElement(place, offset: offset + m.offset, type: m.type, items: items, index: &index, depth: depth + 1)
                f += 1
            }
        default:
            if index < items.count {
                if case .designated = items[index] {
                    index += 1
                    return
                }
                initializeMember(place, offset: offset, type: type, initializer: items[index], depth: depth + 1)
                index += 1
            }
        }
    }

    private func initializeDesignated(_ place: LocalSymbol, offset: Int, type: CType, rest: [Designator], value: Initializer,
                                      loc: SourceLocation, depth: Int) {
        if rest.isEmpty {
            initializeMember(place, offset: offset, type: type, initializer: value, depth: depth + 1)
        } else {
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: [.designated(rest, value, loc)], index: &index,
                                depth: depth + 1, braced: true)
        }
    }

    private func initializeElement(_ place: LocalSymbol, offset: Int, type: CType, items: [Initializer], index: inout Int, depth: Int) {
        let item = items[index]
        if case .designated = item {
            // Only reached at a braced level's start; handled by the caller.
            index += 1
            return
        }
        if type.isArray || type.isRecord, case .expression(let e) = item, !TypeRules.initializesWhole(type, e, typeOf: typeOf) {
            initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1)
            return
        }
        initializeMember(place, offset: offset, type: type, initializer: item, depth: depth + 1)
        index += 1
    }
}
