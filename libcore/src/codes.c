/*
 * codes.c — budget subject codes (政府收支分类科目).
 *
 * 功能分类 (functional): 类 "201", 款 "20103", 项 "2010301".
 * 经济分类 (economic):   类 "301" / "501", 款 "30101" / "50101".
 */
#include <string.h>

#include <budgetrec/decimal.h>

/* Length of an all-digit code of at most 7 digits, else 0. */
static size_t code_len(const char *code)
{
    if (!code)
        return 0;
    size_t n = 0;
    while (code[n] >= '0' && code[n] <= '9') {
        if (++n > 7)
            return 0;
    }
    return code[n] == '\0' ? n : 0;
}

br_code_system br_code_system_of(const char *code)
{
    size_t n = code_len(code);
    if (n == 0)
        return BR_CODE_NONE;
    if (code[0] == '2' && (n == 3 || n == 5 || n == 7))
        return BR_CODE_FUNCTIONAL;
    if ((code[0] == '3' || code[0] == '5') && (n == 3 || n == 5))
        return BR_CODE_ECONOMIC;
    return BR_CODE_NONE;
}

int br_code_level(const char *code)
{
    if (br_code_system_of(code) == BR_CODE_NONE)
        return 0;
    return (int)(code_len(code) - 1) / 2; /* 3 → 1, 5 → 2, 7 → 3 */
}

int br_code_is_child(const char *parent, const char *child)
{
    br_code_system sys = br_code_system_of(parent);
    if (sys == BR_CODE_NONE || br_code_system_of(child) != sys)
        return 0;
    if (br_code_level(child) != br_code_level(parent) + 1)
        return 0;
    return strncmp(parent, child, code_len(parent)) == 0;
}

size_t br_code_parent_len(const char *code)
{
    switch (br_code_level(code)) {
    case 2: return 3;
    case 3: return 5;
    default: return 0;
    }
}
