// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - kernel mode from a program's first instruction, and what
 * each thread did there.
 *
 * A task marked by KW_IOC_EXEC starts each program it executes in kernel
 * mode at the program's entry point, with no help from the program: at
 * the end of a successful execve the module maps the kernelware page
 * (page.S) into the new program and sends the return to user mode there;
 * its few instructions enter kernel mode from the registers the program
 * was to start with.  That page then is the program's re-entry code, as
 * libkw's is for a program that links or preloads it.
 *
 * A statistics session (KW_IOC_STATS) records each of its tasks as it
 * exits: its function-call syscalls, and when and why it left kernel
 * mode.  Marks and sessions pass to the tasks a task creates.
 *
 * The hooks are the scheduler's tracepoints sched_process_fork, _exec and
 * _exit.  They run with preemption off (on PREEMPT_RT too): they neither
 * allocate nor free.  The page is mapped by task work, on the way back
 * to user mode, where the module may sleep.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mutex.h>
#include <linux/ptrace.h>
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/task_work.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>

#include "kernelware.h"
#include "kernelware_int.h"
#include "kw_page.h"

struct kw_page_data {
	struct kw_enter	enter;
	__u64		cmd;
	__s32		fd;
};

static_assert(PAGE_SIZE == KW_PAGE_DATA);
static_assert(offsetof(struct kw_page_data, enter) == KW_PAGE_ENTER);
static_assert(offsetof(struct kw_page_data, cmd) == KW_PAGE_CMD);
static_assert(offsetof(struct kw_page_data, fd) == KW_PAGE_FD);

/* page.S */
extern const char kw_page_code[];
extern const unsigned long kw_page_resume, kw_page_size;

/* This load of the module: what an earlier one left on a task is void. */
static u64 kw_cookie;

/* A session: the open file that started it, and the tasks not yet gone. */
struct kw_session {
	atomic_t		users;
	raw_spinlock_t		lock;
	u32			recorded;
	u64			more;
	struct kw_thread_stats	*threads;	/* [KW_STATS_THREADS] */
};

/* Slots, reused once free, freed at unload: nothing freed in a hook. */
#define KW_SESSIONS	8
static struct kw_session sessions[KW_SESSIONS];
static DEFINE_MUTEX(sessions_lock);

/* The task's lasting fields, from cookie on, for this load. */
void kw_claim(struct kw_task *kt)
{
	if (kt->cookie == kw_cookie)
		return;
	memset((char *)kt + offsetof(struct kw_task, cookie), 0,
	       sizeof(*kt) - offsetof(struct kw_task, cookie));
	kt->stats.last_left = -1;
	kt->cookie = kw_cookie;
}

bool kw_claimed(struct kw_task *kt)
{
	return kt->cookie == kw_cookie;
}

static struct kw_task *claimed(struct task_struct *p)
{
	struct kw_task *kt = kw_task(p);

	return kw_claimed(kt) ? kt : NULL;
}

static void session_put(struct kw_session *s)
{
	atomic_dec_return_release(&s->users);
}

long kw_exec_mark(unsigned long arg)
{
	struct kw_task *kt = kw_task(current);

	if (arg != KW_EXEC_ON && arg != KW_EXEC_OFF)
		return -EINVAL;
	kw_claim(kt);
	kt->exec_hook = arg == KW_EXEC_ON;
	return 0;
}

/*
 * The kernelware page at a free address of the new program: code (made
 * read-only by its first instructions) and data, whose state enters at
 * the program's entry point with its registers.  Its device is a new
 * open file of this module, moved out of the program's way by the page.
 */
static int map_page(struct pt_regs *regs)
{
	struct kw_page_data data = { .cmd = KW_IOC_ENTER };
	unsigned long page;

	if (!user_64bit_mode(regs))
		return -ENOEXEC;
	page = vm_mmap(NULL, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(page))
		return (int)page;
	if (vm_mmap(NULL, page, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != page)
		return -ENOMEM;
	data.fd = anon_inode_getfd("[kernelware]", &kw_fops, NULL,
				   O_RDWR | O_CLOEXEC);
	if (data.fd < 0)
		return data.fd;
	memcpy(&data.enter.regs, regs, sizeof(*regs));
	data.enter.resume = page + kw_page_resume;
	if (copy_to_user((void __user *)page, kw_page_code, kw_page_size) ||
	    copy_to_user((void __user *)(page + KW_PAGE_DATA), &data,
			 sizeof(data)))
		return -EFAULT;
	regs->ip = page;
	return 0;
}

/*
 * On the new program's way to user mode.  A program not for x86-64 runs
 * in user mode (and its statistics say so); one that was to run in
 * kernel mode and cannot does not run at all.
 */
static void exec_work(struct callback_head *work)
{
	struct kw_task *kt = container_of(work, struct kw_task, exec_work);
	int err = 0;

	kt->exec_pending = false;
	if (!(current->flags & PF_EXITING))
		err = map_page(current_pt_regs());
	if (err == -ENOEXEC) {
		kt->stats.flags |= KW_STAT_NOT_X86_64;
	} else if (err) {
		pr_warn_ratelimited("%s[%d]: no kernelware page (%d): killed\n",
				    current->comm, task_pid_nr(current), err);
		force_sig(SIGKILL);
	}
	module_put(THIS_MODULE);
}

/* The old program's re-entry code and state are gone with it. */
static void on_exec(void *data, struct task_struct *p, pid_t old_pid,
		    struct linux_binprm *bprm)
{
	struct kw_task *kt = claimed(p);

	if (!kt)
		return;
	kt->resume = 0;
	kt->saved_valid = false;
	if (!kt->exec_hook || kt->exec_pending ||
	    !try_module_get(THIS_MODULE))
		return;
	init_task_work(&kt->exec_work, exec_work);
	if (task_work_add(p, &kt->exec_work, TWA_RESUME)) {
		module_put(THIS_MODULE);
		return;
	}
	kt->exec_pending = true;
}

/*
 * A new task (not a kernel thread) of a kernelware task: its mark, its
 * session, and its way into kernel mode.
 */
static void on_fork(void *data, struct task_struct *parent,
		    struct task_struct *child)
{
	struct kw_task *pk = claimed(parent), *ck;

	if (!pk || (child->flags & (PF_KTHREAD | PF_IO_WORKER)))
		return;
	ck = kw_task(child);
	kw_claim(ck);
	kw_start_child(pk, ck, task_pt_regs(child));
	ck->exec_hook = pk->exec_hook;
	if (pk->session) {
		atomic_inc(&pk->session->users);
		ck->session = pk->session;
	}
}

static void on_exit(void *data, struct task_struct *p)
{
	struct kw_task *kt = claimed(p);
	struct kw_thread_stats *ts;
	struct kw_session *s;
	unsigned long flags;

	if (!kt || !kt->session)
		return;
	s = kt->session;
	kt->session = NULL;
	kt->stats.pid = task_pid_nr(p);
	kt->stats.tgid = task_tgid_nr(p);
	strscpy(kt->stats.comm, p->comm, sizeof(kt->stats.comm));
	raw_spin_lock_irqsave(&s->lock, flags);
	if (s->recorded < KW_STATS_THREADS) {
		ts = &s->threads[s->recorded];
		*ts = kt->stats;
		smp_store_release(&s->recorded, s->recorded + 1);
	} else {
		s->more++;
	}
	raw_spin_unlock_irqrestore(&s->lock, flags);
	session_put(s);
}

/* A session on file, for the caller and the tasks it will create. */
long kw_stats_start(struct file *file)
{
	struct kw_task *kt = kw_task(current);
	struct kw_session *s = NULL;
	int i;

	mutex_lock(&sessions_lock);
	for (i = 0; i < KW_SESSIONS && !s; i++)
		if (!atomic_read_acquire(&sessions[i].users))
			s = &sessions[i];
	if (file->private_data || !s) {
		mutex_unlock(&sessions_lock);
		return -EBUSY;
	}
	if (!s->threads)
		s->threads = kvcalloc(KW_STATS_THREADS, sizeof(*s->threads),
				      GFP_KERNEL);
	if (!s->threads) {
		mutex_unlock(&sessions_lock);
		return -ENOMEM;
	}
	raw_spin_lock_init(&s->lock);
	s->recorded = 0;
	s->more = 0;
	atomic_set(&s->users, 2);		/* the file and the caller */
	file->private_data = s;
	mutex_unlock(&sessions_lock);

	kw_claim(kt);
	if (kt->session)
		session_put(kt->session);
	kt->session = s;
	return 0;
}

long kw_stats_read(struct file *file, struct kw_stats_read __user *uread)
{
	struct kw_session *s = file->private_data;
	struct kw_stats_read r;
	u32 n;

	if (!s)
		return -EINVAL;
	if (copy_from_user(&r, uread, sizeof(r)))
		return -EFAULT;
	n = smp_load_acquire(&s->recorded);
	if (copy_to_user((void __user *)r.buf, s->threads,
			 min(n, r.count) * sizeof(*s->threads)))
		return -EFAULT;
	r.recorded = n;
	r.more = READ_ONCE(s->more);
	return copy_to_user(uread, &r, sizeof(r)) ? -EFAULT : 0;
}

void kw_stats_release(struct file *file)
{
	if (file->private_data)
		session_put(file->private_data);
}

static struct tracepoint *tp_fork, *tp_exec, *tp_exit;

static void find_tracepoint(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sched_process_fork"))
		tp_fork = tp;
	else if (!strcmp(tp->name, "sched_process_exec"))
		tp_exec = tp;
	else if (!strcmp(tp->name, "sched_process_exit"))
		tp_exit = tp;
}

int kw_exec_init(void)
{
	int err;

	kw_cookie = get_random_u64() | 1;
	for_each_kernel_tracepoint(find_tracepoint, NULL);
	if (!tp_fork || !tp_exec || !tp_exit) {
		pr_err("the sched_process_* tracepoints are missing\n");
		return -ENOENT;
	}
	err = tracepoint_probe_register(tp_fork, on_fork, NULL);
	if (err)
		return err;
	err = tracepoint_probe_register(tp_exec, on_exec, NULL);
	if (err)
		goto fork_off;
	err = tracepoint_probe_register(tp_exit, on_exit, NULL);
	if (err)
		goto exec_off;
	return 0;

exec_off:
	tracepoint_probe_unregister(tp_exec, on_exec, NULL);
fork_off:
	tracepoint_probe_unregister(tp_fork, on_fork, NULL);
	tracepoint_synchronize_unregister();
	return err;
}

/* After the device is gone: no new marks or sessions. */
void kw_exec_exit(void)
{
	int i;

	tracepoint_probe_unregister(tp_exit, on_exit, NULL);
	tracepoint_probe_unregister(tp_exec, on_exec, NULL);
	tracepoint_probe_unregister(tp_fork, on_fork, NULL);
	tracepoint_synchronize_unregister();
	for (i = 0; i < KW_SESSIONS; i++)
		kvfree(sessions[i].threads);
}
