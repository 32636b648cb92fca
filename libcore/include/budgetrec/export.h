/* budgetrec/export.h — symbol visibility for the public API. */
#ifndef BUDGETREC_EXPORT_H
#define BUDGETREC_EXPORT_H

/* libcore is built with -fvisibility=hidden: only BR_API symbols are public. */
#if defined(BR_STATIC)
#define BR_API
#elif defined(__GNUC__)
#define BR_API __attribute__((visibility("default")))
#else
#define BR_API
#endif

#if defined(__GNUC__)
#define BR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define BR_PRINTF(fmt, args)
#endif

#endif
