#ifndef ETJANST_BUILD_INFO_H
#define ETJANST_BUILD_INFO_H

/// The commit the program was built from, as the build passed it
/// (-Xcc -DETJANST_COMMIT=abc1234; scripts/commit-flags), or "" when it was not.
const char *etjanst_build_commit(void);

#endif
