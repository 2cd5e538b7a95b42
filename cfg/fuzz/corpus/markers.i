# 0 "markers.cfg"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "markers.cfg"
#pragma GCC diagnostic push
#ident "hand-written line markers"
CRE_SEM(SEM1, { 0, 0, 1 });
# 1 "dir/with \"quote\".h" 1

CRE_SEM(SEM2, { 0, 0, 0 });
# 12 "markers.cfg" 2
CRE_SEM(SEM3, { 0, 0, 0 });
#line 40
CRE_SEM(SEM4, { 0, 0, 0 });
  #  50 "other.cfg"
CRE_SEM(SEM5, { 0, 0, 0 });
