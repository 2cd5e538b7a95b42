/*
 * QEMU's edu PCI device (docs/specs/edu.rst in QEMU), as the edu test
 * application uses it.  Shared by the µITRON side and the Linux side,
 * so plain C types only.
 */
#ifndef EDU_H
#define EDU_H

#define EDU_IDENT		0x00	/* 0xRRrr00ed */
#define EDU_FACT		0x08	/* write n: computes n! */
#define EDU_STATUS		0x20
#define EDU_STATUS_IRQFACT	0x80	/* interrupt when n! is ready */
#define EDU_INTR_STATUS		0x24
#define EDU_INTR_RAISE		0x60
#define EDU_INTR_ACK		0x64
#define EDU_IRQ_FACT		0x01	/* interrupt status: n! is ready */

/* What the Linux side's probe got from bad binds, for the tests. */
#define EDU_BAD_BINDS		3

#ifndef _MACRO_ONLY
unsigned int	edu_read(unsigned int reg);
void		edu_write(unsigned int reg, unsigned int val);
int		edu_present(void);
extern int	edu_bad_bind_result[EDU_BAD_BINDS];
void		edu_handler(void);
#endif

#endif /* EDU_H */
