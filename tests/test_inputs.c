/*
 * Bad input: every kind gets a clear error naming the file (and the line
 * where one is at fault), and a run over several inputs goes on.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
static char dir[] = "/tmp/br_inputs_XXXXXX";

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    br_registry_free(reg);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(inputs, .init = setup, .fini = teardown);

static const char *write_file(const char *name, const char *data, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static void expect(const char *path, int code, long line, const char *message)
{
    br_disclosure *doc = (br_disclosure *)1;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), code, "%s", err.message);
    cr_assert_null(doc);
    cr_assert_eq(err.code, code);
    cr_assert_str_eq(err.file, path);
    cr_assert_eq(err.line, line);
    cr_assert(strstr(err.message, message), "'%s' lacks '%s'", err.message, message);
}

Test(inputs, missing_file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/none.txt", dir);
    expect(path, BR_ERR_IO, 0, "cannot open: No such file or directory");
}

Test(inputs, directory)
{
    expect(dir, BR_ERR_IO, 0, "is a directory");
}

Test(inputs, empty_file)
{
    expect(write_file("empty.txt", "", 0), BR_ERR_INPUT, 0, "empty file");
}

Test(inputs, binary_file)
{
    static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0";
    expect(write_file("bin.txt", bin, sizeof bin), BR_ERR_INPUT, 0,
           "binary file (NUL byte at offset 7)");
}

Test(inputs, invalid_utf8_names_the_line)
{
    static const char text[] = "第一行\n第二行\n第三\xff行\n";
    expect(write_file("bad.txt", text, sizeof text - 1), BR_ERR_INPUT, 3, "invalid UTF-8");
}

Test(inputs, gb18030_is_converted_then_read)
{
    /* "部门预算" in GB18030: converted, then refused for what it says, not its bytes */
    static const char gb[] = "\xb2\xbf\xc3\xc5\xd4\xa4\xcb\xe3\n";
    expect(write_file("gb.txt", gb, sizeof gb - 1), BR_ERR_UNSUPPORTED, 0,
           "no recognisable table");
}

Test(inputs, neither_utf8_nor_gb18030_names_the_utf8_line)
{
    /* valid GB18030 up to a lead byte with no trail byte at the end */
    static const char text[] = "\xb2\xbf\xc3\xc5\n\xd4\xa4\n\xcb";
    expect(write_file("trunc.txt", text, sizeof text - 1), BR_ERR_INPUT, 1, "invalid UTF-8");
}

Test(inputs, no_recognisable_table)
{
    static const char text[] = "某单位 2022 年部门预算情况说明\n\n一、基本情况\n没有表格。\n";
    expect(write_file("plain.txt", text, sizeof text - 1), BR_ERR_UNSUPPORTED, 0,
           "no recognisable table");
}

Test(inputs, buffer_reading_names_the_given_path)
{
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read_buffer(reg, "mem.txt", "", 0, &doc, &err), BR_ERR_INPUT);
    cr_assert_str_eq(err.file, "mem.txt");
}
