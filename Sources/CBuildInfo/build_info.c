// The commit is a C string because a Swift define cannot carry a value: the build
// passes it with -Xcc -DETJANST_COMMIT="abc1234" (scripts/commit-flags works it out
// from git, or from the COMMIT file of a release tarball). A plain `swift build`
// passes nothing, and the program says "unknown commit".
#include "build_info.h"

#ifndef ETJANST_COMMIT
#define ETJANST_COMMIT ""
#endif

const char *etjanst_build_commit(void) { return ETJANST_COMMIT; }
