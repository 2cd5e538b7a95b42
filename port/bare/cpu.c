/*
 * Unitron bare port - the CPU's own tables: a GDT with a TSS, whose IST
 * gives the double fault a stack of its own, and an IDT whose every
 * vector goes through entry_x86_64.S to bare_trap().
 *
 * A fault the image cannot handle must not become a triple fault: that
 * resets the whole machine under QEMU, Linux included.  So each CPU
 * exception is reported in the boot block and the CPU halts, and the
 * double fault, which also comes when the stack is bad, runs on the IST
 * stack.
 */
#include "bare.h"

#define SEL_CODE	0x08U
#define SEL_DATA	0x10U
#define SEL_TSS		0x18U
#define IST_DOUBLE_FAULT	1U
#define IST_STACK_SIZE	4096U
#define VEC_NMI			2U
#define VEC_DOUBLE_FAULT	8U
#define VEC_MACHINE_CHECK	18U

/* The 64-bit TSS: only the IST matters, there is no ring 3. */
struct tss64 {
	UW	reserved0;
	UD	rsp[3];
	UD	reserved1;
	UD	ist[7];
	UD	reserved2;
	UH	reserved3;
	UH	iomap_base;
} __attribute__((packed));

struct idt_gate {
	UH	offset_low;
	UH	selector;
	UB	ist;
	UB	type;		/* 0x8e: present, DPL 0, interrupt gate */
	UH	offset_mid;
	UW	offset_high;
	UW	reserved;
};

struct table_register {
	UH	limit;
	UD	base;
} __attribute__((packed));

static UD	gdt[5] __attribute__((aligned(16)));
static struct tss64	tss __attribute__((aligned(16)));
static struct idt_gate	idt[256] __attribute__((aligned(16)));
static UD	ist_stack[IST_STACK_SIZE / 8U] __attribute__((aligned(16)));

unsigned long bare_rdtsc(void)
{
	UW lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long)hi << 32) | lo;
}

/* The TSS descriptor takes two GDT slots (base beyond 32 bits). */
static void set_tss_descriptor(void)
{
	UD base = (UD)(unsigned long)&tss;
	UD limit = sizeof(tss) - 1U;

	gdt[SEL_TSS / 8U] = (limit & 0xffffU) | ((base & 0xffffffU) << 16) |
			    (0x89ULL << 40) | (((limit >> 16) & 0xfU) << 48) |
			    (((base >> 24) & 0xffU) << 56);
	gdt[SEL_TSS / 8U + 1U] = base >> 32;
}

/* Load the GDT and reload every segment register from it. */
static void load_gdt(void)
{
	struct table_register r = { sizeof(gdt) - 1U, (UD)(unsigned long)gdt };

	gdt[SEL_CODE / 8U] = 0x00af9a000000ffffULL;	/* 64-bit code */
	gdt[SEL_DATA / 8U] = 0x00cf92000000ffffULL;	/* data */
	tss.ist[IST_DOUBLE_FAULT - 1U] =
		(UD)(unsigned long)&ist_stack[IST_STACK_SIZE / 8U];
	tss.iomap_base = sizeof(tss);
	set_tss_descriptor();
	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %2, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 "movl %%eax, %%fs\n\t"
			 "movl %%eax, %%gs\n\t"
			 "ltr %w3"
			 : : "m"(r), "i"((unsigned long)SEL_CODE),
			   "i"(SEL_DATA), "r"(SEL_TSS)
			 : "rax", "memory");
}

static void load_idt(void)
{
	struct table_register r = { sizeof(idt) - 1U, (UD)(unsigned long)idt };
	UINT v;

	for (v = 0; v < 256U; v++) {
		UD a = (UD)(unsigned long)(bare_vectors + 16U * v);

		idt[v].offset_low = (UH)a;
		idt[v].selector = SEL_CODE;
		idt[v].ist = v == VEC_DOUBLE_FAULT ? IST_DOUBLE_FAULT : 0U;
		idt[v].type = 0x8eU;
		idt[v].offset_mid = (UH)(a >> 16);
		idt[v].offset_high = (UW)(a >> 32);
		idt[v].reserved = 0U;
	}
	__asm__ volatile("lidt %0" : : "m"(r) : "memory");
}

void bare_cpu_init(void)
{
	load_gdt();
	load_idt();
}

void bare_halt(UW state)
{
	__asm__ volatile("" ::: "memory");
	bare_boot->state = state;
	for (;;)
		__asm__ volatile("cli; hlt" ::: "memory");
}

/* Report a CPU exception in the boot block; the loader logs it. */
static void report_fault(const struct bare_frame *f)
{
	unsigned long cr2;

	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	bare_boot->fault_vector = (UW)f->vector;
	bare_boot->fault_rip = f->rip;
	bare_boot->fault_error = f->error;
	bare_boot->fault_cr2 = cr2;
	bare_halt(OWN_STATE_FAULT);
}

/* Exceptions no handler can come back from, or that no task caused. */
static BOOL fatal_vector(unsigned long vector)
{
	return vector == VEC_NMI || vector == VEC_DOUBLE_FAULT ||
	       vector == VEC_MACHINE_CHECK;
}

/*
 * A CPU exception in a task, or in a handler, while the kernel runs:
 * its DEF_EXC handler runs as a handler does (non-task context).  Back
 * in an unlocked task, return_to_task() dispatches and runs the task
 * exception routine the handler may have raised, which is how a task
 * that faulted ends (the faulting instruction would only fault again).
 * FALSE if there is no handler: the exception stops the image.
 */
static BOOL run_exception_handler(struct bare_frame *f)
{
	static BOOL in_exception;
	struct bare_excinf inf = { f, bare_int_nest, bare_locked };
	BOOL handled;

	if (!kerflg || in_exception || fatal_vector(f->vector))
		return FALSE;
	in_exception = TRUE;
	bare_int_nest++;
	bare_locked = 0;
	handled = exception_handle((EXCNO)f->vector, &inf);
	bare_int_nest--;
	in_exception = FALSE;
	bare_locked = 1;
	if (handled && inf.int_nest == 0 && !inf.locked && runtsk != NULL)
		return_to_task();
	bare_locked = inf.locked;
	return handled;
}

/* def_exc: a CPU exception vector a handler may take. */
ER port_define_exc(EXCNO excno)
{
	return excno < BARE_EXCEPTIONS && !fatal_vector(excno) ? E_OK : E_PAR;
}

BOOL port_exc_sense_context(VP p_excinf)
{
	return ((struct bare_excinf *)p_excinf)->int_nest > 0;
}

BOOL port_exc_sense_lock(VP p_excinf)
{
	return ((struct bare_excinf *)p_excinf)->locked != 0;
}

/*
 * Every vector comes here, interrupts off.  A CPU exception without a
 * DEF_EXC handler stops the image.  The APIC's spurious vector needs no
 * EOI.
 */
void bare_trap(struct bare_frame *f)
{
	if (f->vector < BARE_EXCEPTIONS) {
		if (!run_exception_handler(f))
			report_fault(f);
		return;
	}
	if (f->vector == BARE_SPURIOUS_VECTOR)
		return;
	bare_interrupt((UINT)f->vector);
}
