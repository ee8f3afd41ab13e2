/// `(type){ … }`: an unnamed object in the function's frame, initialized
/// where the literal is evaluated, used like a variable (its address can be
/// taken; arrays decay, structs are passed by value).
extension CodeGenerator {
    func compoundLiteral(_ declared: CType, _ initializer: Initializer, at location: SourceLocation) -> LValue? {
        let type = completeArrayType(declared, initializer)
        let offset = function.allocateFrame(type)
        let place = LocalSymbol.frame(offset, type)
        initializeObject(place, type: type, initializer: initializer, zeroFirst: true)
        self.location = location
        emit(.frameAddr, b: UInt64(offset))
        return .memory(type)
    }
}
