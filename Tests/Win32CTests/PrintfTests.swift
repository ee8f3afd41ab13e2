import Testing
@testable import Win32C

/// `printf` formatting with MSVC x64 conventions, checked through compiled programs.
@Suite struct PrintfTests {
    func output(_ body: String) throws -> String {
        let source = "#include <windows.h>\n#include <stdio.h>\nint main(void) {\n\(body)\nreturn 0;\n}\n"
        let result = CCompiler.compile(source: source)
        let program = try #require(result.program, "\(result.diagnostics)")
        let run = StandaloneRun.run(program)
        #expect(run.fault == nil)
        return run.outputText
    }

    @Test(arguments: [
        (#"printf("[%d|%i|%u]", -5, 7, -1);"#, "[-5|7|4294967295]"),
        (#"printf("[%5d|%-5d|%05d|%+d|% d]", 42, 42, -42, 3, 3);"#, "[   42|42   |-0042|+3| 3]"),
        (#"printf("[%.3d|%8.3d|%-8.3d|]", 7, -7, 7);"#, "[007|    -007|007     |]"),
        (#"printf("[%ld|%lu|%lld|%llu]", -1L, 0xFFFFFFFFUL, -1LL, 18446744073709551615ULL);"#, "[-1|4294967295|-1|18446744073709551615]"),
        (#"printf("[%I64d|%I64u|%I64x]", -2LL, 3ULL, 255ULL);"#, "[-2|3|ff]"),
        (#"printf("[%x|%X|%#x|%08X|%o]", 255, 255, 255, 0xBEEF, 8);"#, "[ff|FF|0xff|0000BEEF|10]"),
        (#"printf("[%p|%p]", (void *)0x1234, NULL);"#, "[0000000000001234|0000000000000000]"),
        (#"printf("[%s|%10s|%-10s|%.2s|%c|%%]", "abc", "abc", "abc", "abc", 'z');"#, "[abc|       abc|abc       |ab|z|%]"),
        (#"printf("[%S|%ls|%s]", L"wide", L"wide", (char *)NULL);"#, "[wide|wide|(null)]"),
        (#"wprintf(L"[%s|%S|%c]", L"wide", "narrow", L'w');"#, "[wide|narrow|w]"),
        (#"printf("[%f|%.2f|%8.3f|%-8.1f|%08.2f]", 3.14159, 2.005, -1.5, 2.25, 3.5);"#, "[3.141590|2.00|  -1.500|2.2     |00003.50]"),
        (#"printf("[%.0f|%.1f|%f]", 0.5, 0.25, 1e20);"#, "[0|0.2|100000000000000000000.000000]"),
        (#"printf("[%e|%.2E|%g|%g|%g]", 12345.678, 0.000123, 0.0001, 123456789.0, 2.5);"#, "[1.234568e+04|1.23E-04|0.0001|1.23457e+08|2.5]"),
        (#"printf("[%*d|%-*d|%.*s]", 4, 1, 4, 2, 2, "xyz");"#, "[   1|2   |xy]"),
        (#"printf("[%hd|%hhu|%hu]", 70000, 257, 65537);"#, "[4464|1|1]"),
        (#"_tprintf(TEXT("[%s]"), TEXT("t")); puts("p"); putchar('c');"#, "[t]p\nc"),
        (#"printf("[%e|%g|%.3e]", 4.9e-324, 1e308 * 10, -0.0);"#, "[4.940656e-324|inf|-0.000e+00]"),
        (#"printf("[%*d]", -3, 7);"#, "[7  ]"),
    ])
    func formats(_ body: String, _ expected: String) throws {
        #expect(try output(body) == expected)
    }

    @Test func returnsCharacterCount() throws {
        #expect(try output(#"int n = printf("hello %d\n", 42); printf("%d", n);"#) == "hello 42\n9")
    }
}
