/* sha1: SHA-1 (FIPS 180-4), for the 10 hex digits SAM's LogicalIdGenerator
 * appends to the names it hashes (ApiGatewayDomainName<hash>, ...). */
#ifndef SAMLINT_SHA1_H
#define SAMLINT_SHA1_H

#include <stddef.h>

void sha1(const void *data, size_t len, unsigned char digest[20]);
/* The first 10 hex digits (lower case) of sha1(data), NUL-terminated. */
void sha1_hex10(const void *data, size_t len, char out[11]);

#endif
