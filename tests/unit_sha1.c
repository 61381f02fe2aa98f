/* unit_sha1: SHA-1 against FIPS 180-4's examples and the names SAM's
 * translator hashes (its expected outputs). */
#include <string.h>

#include "sha1.h"
#include "unit.h"

static void hex(const char *msg, const char *want)
{
    unsigned char d[20];
    char got[41];
    sha1(msg, strlen(msg), d);
    for (int i = 0; i < 20; i++) {
        got[2 * i] = "0123456789abcdef"[d[i] >> 4];
        got[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    got[40] = '\0';
    char name[200];
    snprintf(name, sizeof name, "sha1 of a %zu-byte message", strlen(msg));
    expect(strcmp(got, want) == 0, name, got);
}

static void sam(const char *data, const char *want, const char *name)
{
    char got[11];
    sha1_hex10(data, strlen(data), got);
    expect(strcmp(got, want) == 0, name, got);
}

int main(void)
{
    hex("abc", "a9993e364706816aba3e25717850c26c9cd0d89d");
    hex("", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    hex("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    sam("hoge-fuga", "0c8ecc62cb", "SAM's stage hash of hoge-fuga (HyphenApiStage0c8ecc62cb)");
    sam("{\"Ref\":\"MyDomainName\"}", "e12ae193a4", "SAM's domain hash of !Ref MyDomainName");
    sam("sam-v2-regional-test.com", "ab8e63947d", "SAM's domain hash of a literal domain");
    return failures != 0;
}
