/* Conformance: extended service calls - the test's own names. */
#ifndef SVC_H
#define SVC_H

#define SVC_CONTEXT	7

#ifndef _MACRO_ONLY
ER_UINT	svc_sum(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4, VP_INT p5,
		VP_INT p6);
ER_UINT	svc_context(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4,
		    VP_INT p5, VP_INT p6);
#endif

#endif /* SVC_H */
