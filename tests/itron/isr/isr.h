/* Conformance: interrupt service routines created at run time - the
 * test's own names. */
#ifndef ISR_H
#define ISR_H

/*
 * ISR IDs reserved for cre_isr and acre_isr (AID_ISR): 1 .. NA_ISR.
 * ATT_ISR's routines have no IDs, so the first is 1 however many the
 * .cfg attaches.
 */
#define NA_ISR		3

#endif /* ISR_H */
