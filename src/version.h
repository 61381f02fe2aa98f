/* version: samlint's version and home. */
#ifndef SAMLINT_VERSION_H
#define SAMLINT_VERSION_H
#define SAMLINT_VERSION "0.1.0"
#define SAMLINT_URL "https://github.com/samlint/samlint"
#endif
