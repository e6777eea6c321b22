// The commit is a C string because a Swift define cannot carry a value: the build
// passes it as a bare token, -Xcc -DETJANST_COMMIT=abc1234 (scripts/commit-flags
// works it out from git, or from the COMMIT file of a release tarball), and it is
// made a string here, so no quotes need survive a shell or make. A plain
// `swift build` passes nothing, and the program says "unknown commit".
#include "build_info.h"

#define ETJANST_STRING(x) #x
#define ETJANST_EXPANDED_STRING(x) ETJANST_STRING(x)

#ifdef ETJANST_COMMIT
const char *etjanst_build_commit(void) { return ETJANST_EXPANDED_STRING(ETJANST_COMMIT); }
#else
const char *etjanst_build_commit(void) { return ""; }
#endif
