/* secret: recognise AWS credentials and secret-looking names in text (SL101-SL103, SL405). */
#include "secret.h"

#include <ctype.h>
#include <string.h>

/* Access key id prefixes (IAM unique id prefixes of credentials). */
static const char *const access_key_prefixes[] = {
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "AROA", "ANPA", "ANVA", "APKA", NULL
};

static int is_word(unsigned char c) { return isalnum(c) || c == '_'; }
static int is_base32(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }
static int is_key_char(unsigned char c) { return isalnum(c) || c == '/' || c == '+'; }

static int has_access_key_prefix(const char *s)
{
    for (size_t i = 0; access_key_prefixes[i]; i++)
        if (memcmp(s, access_key_prefixes[i], 4) == 0)
            return 1;
    return 0;
}

int secret_find_access_key(const char *s, size_t len, size_t *off)
{
    if (!s || len < SECRET_ACCESS_KEY_LEN)
        return 0;
    for (size_t i = 0; i + SECRET_ACCESS_KEY_LEN <= len; i++) {
        if (s[i] != 'A' || (i > 0 && is_word((unsigned char)s[i - 1])))
            continue;
        if (!has_access_key_prefix(s + i))
            continue;
        size_t j = 4;
        while (j < SECRET_ACCESS_KEY_LEN && is_base32((unsigned char)s[i + j]))
            j++;
        if (j < SECRET_ACCESS_KEY_LEN)
            continue;
        if (i + j < len && is_word((unsigned char)s[i + j]))
            continue;
        if (off)
            *off = i;
        return 1;
    }
    return 0;
}

int secret_is_secret_key_value(const char *s, size_t len)
{
    if (!s || len != SECRET_KEY_VALUE_LEN)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!is_key_char((unsigned char)s[i]))
            return 0;
    return 1;
}

int secret_find_secret_key_value(const char *s, size_t len, size_t *off)
{
    if (!s)
        return 0;
    size_t i = 0;
    while (i < len) {
        if (!is_key_char((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        int letters = 0, others = 0;
        while (i < len && is_key_char((unsigned char)s[i])) {
            if (isalpha((unsigned char)s[i]))
                letters = 1;
            else
                others = 1;
            i++;
        }
        if (i - start == SECRET_KEY_VALUE_LEN && letters && others) {
            if (off)
                *off = start;
            return 1;
        }
    }
    return 0;
}

void secret_mask_access_keys(char *s, size_t len)
{
    size_t pos = 0, off = 0;
    if (!s)
        return;
    while (pos < len && secret_find_access_key(s + pos, len - pos, &off)) {
        memset(s + pos + off + 4, '*', SECRET_ACCESS_KEY_LEN - 4);
        pos += off + SECRET_ACCESS_KEY_LEN;
    }
}

void secret_mask_text(char *s, size_t len)
{
    if (!s)
        return;
    secret_mask_access_keys(s, len);
    for (size_t i = 0; i < len;) {
        if (!is_key_char((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && is_key_char((unsigned char)s[i]))
            i++;
        if (i - start == SECRET_KEY_VALUE_LEN)
            memset(s + start + 4, '*', SECRET_KEY_VALUE_LEN - 4);
    }
}

/* Lower-case name with '_', '-', '.', spaces dropped, into buf (truncated). */
static void squash(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < size; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '_' || c == '-' || c == '.' || c == ' ')
            continue;
        buf[n++] = (char)tolower(c);
    }
    buf[n] = 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int secret_name_says_secret_key(const char *name)
{
    if (!name)
        return 0;
    char buf[256];
    squash(name, buf, sizeof buf);
    return strstr(buf, "secretaccesskey") || strstr(buf, "secretkey") || strstr(buf, "awssecret");
}

/* Name endings that describe a secret (where it is, how long, what kind)
 * rather than hold it. To add one: lower case, no separators. */
static const char *const describing_suffixes[] = {
    "arn", "arns", "id", "ids", "name", "names", "length", "type", "policy", "validity",
    "units", "version", "versionstage", "ttl", "url", "uri", "endpoint", "header", "path",
    "parameter", "param", "enabled", "required", "location", "source", "rotation",
    "expiration", "expiry", "duration", "config", "configuration", "settings", "resource",
    "kmskeyid", "template", "mode", "count", "size", "format", "provider", "revocation",
    "seconds", "minutes", "hours", "days", "expression", "kmskey", "httptokens",
    "role", "topic", "queue", "table", "bucket", "function", "lambda", "handler",
    NULL
};

/* Words that, found in a name, make it a secret holder. */
static const char *const secret_words[] = {
    "password", "passwd", "secret", "token", "apikey", "privatekey", NULL
};

int secret_name_mentions_secret(const char *name)
{
    if (!name)
        return 0;
    char buf[256];
    squash(name, buf, sizeof buf);
    for (size_t i = 0; secret_words[i]; i++)
        if (strstr(buf, secret_words[i]))
            return 1;
    return 0;
}

int secret_name_looks_secret(const char *name)
{
    if (!secret_name_mentions_secret(name))
        return 0;
    char buf[256];
    squash(name, buf, sizeof buf);
    size_t n = strlen(buf);
    while (n > 0 && isdigit((unsigned char)buf[n - 1]))
        buf[--n] = 0; /* "SecretName2" ends in "name" */
    for (size_t i = 0; describing_suffixes[i]; i++)
        if (ends_with(buf, describing_suffixes[i]))
            return 0;
    return 1;
}

int secret_is_dynamic_ref(const char *s)
{
    if (!s)
        return 0;
    return strstr(s, "{{resolve:secretsmanager:") || strstr(s, "{{resolve:ssm-secure:") ||
           strstr(s, "{{resolve:ssm:");
}
