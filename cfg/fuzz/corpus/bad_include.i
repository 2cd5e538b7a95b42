# 0 "bad_include.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "bad_include.cfg"
INCLUDE("app.h");
INCLUDE(app.h);
INCLUDE("\"app.h\"", "\"b.h\"");
INCLUDE(L"<x.h>");
