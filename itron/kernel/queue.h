/*
 * Unitron - circular doubly linked queues with a head node.
 *
 * Used for the ready queue, wait queues and mailbox message lists.  An
 * empty queue's head points to itself.
 */
#ifndef UNITRON_QUEUE_H
#define UNITRON_QUEUE_H

typedef struct queue {
	struct queue	*p_next;
	struct queue	*p_prev;
} QUEUE;

static inline void queue_initialize(QUEUE *p_queue)
{
	p_queue->p_next = p_queue;
	p_queue->p_prev = p_queue;
}

static inline BOOL queue_empty(const QUEUE *p_queue)
{
	return p_queue->p_next == p_queue;
}

/* Insert p_entry just before p_queue (at the tail when p_queue is a head). */
static inline void queue_insert_prev(QUEUE *p_queue, QUEUE *p_entry)
{
	p_entry->p_prev = p_queue->p_prev;
	p_entry->p_next = p_queue;
	p_queue->p_prev->p_next = p_entry;
	p_queue->p_prev = p_entry;
}

static inline void queue_delete(QUEUE *p_entry)
{
	p_entry->p_prev->p_next = p_entry->p_next;
	p_entry->p_next->p_prev = p_entry->p_prev;
}

/* Remove and return the first entry; the queue must not be empty. */
static inline QUEUE *queue_delete_next(QUEUE *p_queue)
{
	QUEUE *p_entry = p_queue->p_next;

	queue_delete(p_entry);
	return p_entry;
}

#define container_of_queue(p_entry, type, member) \
	((type *)((char *)(p_entry) - __builtin_offsetof(type, member)))

#endif /* UNITRON_QUEUE_H */
