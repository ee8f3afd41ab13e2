/// The library functions written in C (`LibraryTable.Answer.compiled`):
/// those that call back into the program, which a Swift implementation
/// cannot do from inside a VM call. A program gets the definition of each
/// one it names, compiled after its own code, so its own functions keep
/// their addresses and programs that use none of them are unchanged. Their
/// work is the program's work: comparator calls are statements like any other.
/// Local names start with `__` so no program macro can reach them.
enum LibrarySource {
    static let definitions: [(name: String, source: String)] = [
        ("qsort", """
        void qsort(void *__base, size_t __number, size_t __width, int (__cdecl *__compare)(const void *, const void *))
        {
            char *__b = (char *)__base;
            size_t __gap, __i, __j, __k;
            /* Shell sort: in place, no recursion, deterministic. */
            for (__gap = __number / 2; __gap > 0; __gap /= 2) {
                for (__i = __gap; __i < __number; __i++) {
                    for (__j = __i; __j >= __gap && __compare(__b + (__j - __gap) * __width, __b + __j * __width) > 0; __j -= __gap) {
                        for (__k = 0; __k < __width; __k++) {
                            char __t = __b[(__j - __gap) * __width + __k];
                            __b[(__j - __gap) * __width + __k] = __b[__j * __width + __k];
                            __b[__j * __width + __k] = __t;
                        }
                    }
                }
            }
        }

        """),
        ("bsearch", """
        void *bsearch(const void *__key, const void *__base, size_t __number, size_t __width, int (__cdecl *__compare)(const void *, const void *))
        {
            const char *__b = (const char *)__base;
            size_t __lo = 0, __hi = __number;
            while (__lo < __hi) {
                size_t __mid = __lo + (__hi - __lo) / 2;
                int __c = __compare(__key, __b + __mid * __width);
                if (__c == 0) return (void *)(__b + __mid * __width);
                if (__c < 0) __hi = __mid; else __lo = __mid + 1;
            }
            return NULL;
        }

        """),
    ]

    /// The C text of `name`, if it is one of these functions.
    static func source(of name: String) -> String? {
        definitions.first { $0.name == name }?.source
    }
}
