# 1 "bad_marker.cfg"
CRE_SEM(SEM1, { 0, 0, 1 });
# 5 "unterminated
CRE_SEM(SEM2, { 0, 0, 1 });
# 99999999999 "big.cfg"
#line x
# 7 junk
#if 1
CRE_SEM(SEM3, { 0, 0, 1 });
