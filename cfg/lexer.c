/*
 * Unitron configurator - the lexer.
 *
 * Splits preprocessed text into C tokens.  Line markers left by the
 * preprocessor ("# 12 "app.cfg" 2", "#line 12 "app.cfg"") give every
 * token the file and line it came from; other directives that survive
 * preprocessing (#pragma, #ident) are skipped.  Malformed input gets a
 * message and a token marked bad, so the parser can skip the statement
 * without piling up more messages.
 */
#include "cfg.h"

#include <string.h>

static int is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_ident_start(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '_';
}

static int is_ident_char(int ch)
{
	return is_ident_start(ch) || is_digit(ch);
}

static int is_hspace(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f' ||
	       ch == '\r';
}

int tok_is(const token *t, const char *punct)
{
	return t->kind == TK_PUNCT && strcmp(t->text, punct) == 0;
}

typedef struct {
	cfg		*c;
	const char	*buf;
	size_t		len, pos;
	const char	*file;
	unsigned long	line;
	int		bol;	/* only white space so far on this line */
} lexer;

static int peek(const lexer *lx, size_t ahead)
{
	if (lx->pos + ahead >= lx->len)
		return -1;
	return (unsigned char)lx->buf[lx->pos + ahead];
}

static void push(lexer *lx, enum tok_kind kind, const char *s, size_t n,
		 unsigned long line, int bad)
{
	cfg *c = lx->c;
	token *t;
	size_t i;

	c->toks = cfg_grow(c, c->toks, &c->captoks, c->ntoks + 1,
			   sizeof(*c->toks));
	t = &c->toks[c->ntoks++];
	t->kind = kind;
	t->bad = (unsigned char)bad;
	t->file = lx->file;
	t->line = line;
	if (kind == TK_PUNCT && (n == 2 || n == 4) &&
	    (s[0] == '<' || s[0] == '%' || s[0] == ':')) {
		/* Digraphs read as what they stand for. */
		static const char *const digraph[][2] = {
			{ "<:", "[" }, { ":>", "]" }, { "<%", "{" },
			{ "%>", "}" }, { "%:", "#" }, { "%:%:", "##" },
		};
		for (i = 0; i < sizeof(digraph) / sizeof(digraph[0]); i++) {
			if (strlen(digraph[i][0]) == n &&
			    memcmp(digraph[i][0], s, n) == 0) {
				s = digraph[i][1];
				n = strlen(s);
				break;
			}
		}
	}
	{
		char *text = cfg_strndup(c, s, n);

		/* A NUL in a (bad) literal would cut its text short. */
		for (i = 0; i < n; i++)
			if (text[i] == '\0')
				text[i] = '?';
		t->text = text;
	}
	t->len = n;
}

/*
 * Decode the C string literal or character constant text[0..len), quote
 * to quote (no prefix).  The bytes go to *out (NUL-terminated, in the
 * arena; may contain NULs, *outlen tells).  Returns 0, or -1 with a
 * message in *errmsg.
 */
int decode_string(cfg *c, const char *text, size_t len, char **out,
		  size_t *outlen, const char **errmsg)
{
	char quote, *o;
	size_t i, n = 0;

	if (len < 2 || (text[0] != '"' && text[0] != '\'') ||
	    text[len - 1] != text[0]) {
		*errmsg = "malformed literal";
		return -1;
	}
	quote = text[0];
	o = cfg_alloc(c, len);
	for (i = 1; i < len - 1; i++) {
		unsigned char ch = (unsigned char)text[i];
		unsigned v;
		int k;

		if (ch == (unsigned char)quote) {
			*errmsg = "malformed literal";
			return -1;
		}
		if (ch != '\\') {
			o[n++] = (char)ch;
			continue;
		}
		if (++i >= len - 1) {
			*errmsg = "malformed escape sequence";
			return -1;
		}
		ch = (unsigned char)text[i];
		switch (ch) {
		case 'n': o[n++] = '\n'; break;
		case 't': o[n++] = '\t'; break;
		case 'r': o[n++] = '\r'; break;
		case 'a': o[n++] = '\a'; break;
		case 'b': o[n++] = '\b'; break;
		case 'f': o[n++] = '\f'; break;
		case 'v': o[n++] = '\v'; break;
		case '\\': case '\'': case '"': case '?':
			o[n++] = (char)ch;
			break;
		case 'x':
			v = 0;
			for (k = 0; i + 1 < len - 1; k++) {
				int d = (unsigned char)text[i + 1];

				if (is_digit(d))
					d -= '0';
				else if (d >= 'a' && d <= 'f')
					d -= 'a' - 10;
				else if (d >= 'A' && d <= 'F')
					d -= 'A' - 10;
				else
					break;
				v = v * 16 + (unsigned)d;
				if (v > 0xff) {
					*errmsg = "hex escape sequence out "
						  "of range";
					return -1;
				}
				i++;
			}
			if (k == 0) {
				*errmsg = "\\x used with no following hex "
					  "digits";
				return -1;
			}
			o[n++] = (char)v;
			break;
		default:
			if (ch >= '0' && ch <= '7') {
				v = ch - '0';
				for (k = 1; k < 3 && i + 1 < len - 1 &&
				     text[i + 1] >= '0' && text[i + 1] <= '7';
				     k++)
					v = v * 8 + (unsigned)(text[++i] - '0');
				if (v > 0xff) {
					*errmsg = "octal escape sequence out "
						  "of range";
					return -1;
				}
				o[n++] = (char)v;
				break;
			}
			*errmsg = "unknown escape sequence";
			return -1;
		}
	}
	o[n] = '\0';
	*out = o;
	*outlen = n;
	return 0;
}

/* Skip to the end of the line (not past the newline). */
static void skip_line(lexer *lx)
{
	while (lx->pos < lx->len && lx->buf[lx->pos] != '\n')
		lx->pos++;
}

/*
 * A string literal or character constant starting at lx->pos (the
 * quote).  Returns its length, or 0 if it is unterminated (then the
 * position is left at the end of the line).
 */
static size_t scan_quoted(lexer *lx, int *has_nul)
{
	int quote = peek(lx, 0);
	size_t i = 1;

	*has_nul = 0;
	for (;;) {
		int ch = peek(lx, i);

		if (ch < 0 || ch == '\n')
			return 0;
		if (ch == 0)
			*has_nul = 1;
		if (ch == '\\') {
			int next = peek(lx, i + 1);

			if (next < 0 || next == '\n')
				return 0;
			i += 2;
			continue;
		}
		i++;
		if (ch == quote)
			return i;
	}
}

/* A directive line (lx->pos at '#').  Line markers set file and line. */
static void directive(lexer *lx)
{
	cfg *c = lx->c;
	unsigned long start_line = lx->line;
	unsigned long num = 0;
	size_t w;
	int ch;

	lx->pos++;
	while ((ch = peek(lx, 0)) >= 0 && is_hspace(ch))
		lx->pos++;
	if (ch < 0 || ch == '\n')
		return;				/* null directive */
	if (is_ident_start(ch)) {
		static const char *const ignored[] = {
			"pragma", "ident", "sccs", "define", "undef",
			"assert", "unassert",
		};
		size_t i;

		for (w = 0; is_ident_char(peek(lx, w)); w++)
			;
		if (w == 4 && memcmp(lx->buf + lx->pos, "line", 4) == 0) {
			lx->pos += 4;
			while ((ch = peek(lx, 0)) >= 0 && is_hspace(ch))
				lx->pos++;
			if (!is_digit(ch)) {
				cfg_error(c, lx->file, start_line,
					  "malformed #line directive");
				skip_line(lx);
				return;
			}
			goto marker;
		}
		for (i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
			if (strlen(ignored[i]) == w &&
			    memcmp(lx->buf + lx->pos, ignored[i], w) == 0) {
				skip_line(lx);
				return;
			}
		}
		cfg_error(c, lx->file, start_line,
			  "unexpected preprocessing directive '#%s' (the "
			  "input must be run through the C preprocessor)",
			  cfg_show(c, cfg_strndup(c, lx->buf + lx->pos, w),
				   40));
		skip_line(lx);
		return;
	}
	if (!is_digit(ch)) {
		cfg_error(c, lx->file, start_line,
			  "malformed preprocessing directive");
		skip_line(lx);
		return;
	}
marker:
	while ((ch = peek(lx, 0)) >= 0 && is_digit(ch)) {
		if (num > (0xffffffffUL - 9) / 10) {
			cfg_error(c, lx->file, start_line,
				  "line number out of range in line marker");
			skip_line(lx);
			return;
		}
		num = num * 10 + (unsigned long)(ch - '0');
		lx->pos++;
	}
	while ((ch = peek(lx, 0)) >= 0 && is_hspace(ch))
		lx->pos++;
	if (ch == '"') {
		int has_nul;
		size_t n = scan_quoted(lx, &has_nul), outlen;
		const char *errmsg;
		char *name;

		if (n == 0 || has_nul ||
		    decode_string(c, lx->buf + lx->pos, n, &name, &outlen,
				  &errmsg) != 0 ||
		    strlen(name) != outlen || outlen == 0) {
			cfg_error(c, lx->file, start_line,
				  "malformed file name in line marker");
			skip_line(lx);
			return;
		}
		lx->file = cfg_show(c, name, 0);
		lx->pos += n;
	} else if (ch >= 0 && ch != '\n') {
		cfg_error(c, lx->file, start_line, "malformed line marker");
		skip_line(lx);
		return;
	}
	skip_line(lx);			/* flags */
	/* The line after the marker is line num. */
	lx->line = num - 1;
}

/* A byte that starts no token (at lx->pos). */
static int is_stray(const lexer *lx)
{
	int ch = peek(lx, 0);

	if (ch == '\\')
		return peek(lx, 1) != '\n' &&
		       !(peek(lx, 1) == '\r' && peek(lx, 2) == '\n');
	return (ch < 0x20 && ch != '\n' && !is_hspace(ch)) || ch >= 0x7f ||
	       ch == '@' || ch == '$' || ch == '`';
}

/* Bytes for a message: control characters and non-ASCII as \xNN. */
static const char *show_bytes(cfg *c, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char *buf;
	size_t i, o = 0;

	if (n > 16)
		n = 16;
	buf = cfg_alloc(c, n * 4 + 1);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch >= 0x7f) {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[ch >> 4];
			buf[o++] = hex[ch & 15];
		} else {
			buf[o++] = (char)ch;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The length of the punctuator at s (avail bytes), or 0. */
static size_t punct_len(const char *s, size_t avail)
{
	static const char two[][2] = {
		{ '-', '>' }, { '+', '+' }, { '-', '-' }, { '<', '<' },
		{ '>', '>' }, { '<', '=' }, { '>', '=' }, { '=', '=' },
		{ '!', '=' }, { '&', '&' }, { '|', '|' }, { '*', '=' },
		{ '/', '=' }, { '%', '=' }, { '+', '=' }, { '-', '=' },
		{ '&', '=' }, { '^', '=' }, { '|', '=' }, { '#', '#' },
		{ '<', ':' }, { ':', '>' }, { '<', '%' }, { '%', '>' },
		{ '%', ':' },
	};
	size_t i;

	if (avail >= 4 && memcmp(s, "%:%:", 4) == 0)
		return 4;
	if (avail >= 3 && (memcmp(s, "...", 3) == 0 ||
			   memcmp(s, "<<=", 3) == 0 ||
			   memcmp(s, ">>=", 3) == 0))
		return 3;
	if (avail >= 2)
		for (i = 0; i < sizeof(two) / sizeof(two[0]); i++)
			if (s[0] == two[i][0] && s[1] == two[i][1])
				return 2;
	if (s[0] != '\0' && strchr("[](){}.&*+-~!/%<>^|?:;=,#", s[0]) != NULL)
		return 1;
	return 0;
}

void lex(cfg *c, const char *buf, size_t len)
{
	lexer lx = { c, buf, len, 0, c->name, 1, 1 };

	while (lx.pos < lx.len && !c->stop) {
		int ch = peek(&lx, 0);
		size_t start = lx.pos, i;
		unsigned long line = lx.line;

		if (ch == '\n') {
			lx.pos++;
			lx.line++;
			lx.bol = 1;
			continue;
		}
		if (is_hspace(ch)) {
			lx.pos++;
			continue;
		}
		if (ch == '#' && lx.bol) {
			directive(&lx);
			continue;
		}
		if (ch == '/' && peek(&lx, 1) == '*') {
			lx.pos += 2;
			for (;;) {
				if (lx.pos >= lx.len) {
					cfg_error(c, lx.file, line,
						  "unterminated comment");
					push(&lx, TK_PUNCT, "/*", 2, line, 1);
					break;
				}
				if (buf[lx.pos] == '*' && peek(&lx, 1) == '/') {
					lx.pos += 2;
					break;
				}
				if (buf[lx.pos] == '\n')
					lx.line++;
				lx.pos++;
			}
			continue;
		}
		if (ch == '/' && peek(&lx, 1) == '/') {
			skip_line(&lx);
			continue;
		}
		if (ch == '\\' && (peek(&lx, 1) == '\n' ||
				   (peek(&lx, 1) == '\r' &&
				    peek(&lx, 2) == '\n'))) {
			lx.pos += peek(&lx, 1) == '\n' ? 2 : 3;
			lx.line++;
			continue;
		}
		lx.bol = 0;

		/* Literals, with an optional encoding prefix. */
		{
			size_t pre = 0;

			if (ch == 'L' || ch == 'U')
				pre = 1;
			else if (ch == 'u')
				pre = peek(&lx, 1) == '8' ? 2 : 1;
			if (peek(&lx, pre) != '"' && peek(&lx, pre) != '\'')
				pre = 0;
			if (ch == '"' || ch == '\'' || pre > 0) {
				int has_nul, q;
				size_t n;

				lx.pos += pre;
				q = peek(&lx, 0);
				n = scan_quoted(&lx, &has_nul);
				if (n == 0) {
					cfg_error(c, lx.file, line,
						  q == '"' ?
						  "unterminated string literal" :
						  "unterminated character "
						  "constant");
					skip_line(&lx);
					push(&lx, q == '"' ? TK_STRING :
					     TK_CHAR, buf + start,
					     lx.pos - start, line, 1);
					continue;
				}
				lx.pos += n;
				if (has_nul) {
					cfg_error(c, lx.file, line,
						  "null character in literal");
				} else if (n == 2 && q == '\'') {
					cfg_error(c, lx.file, line,
						  "empty character constant");
					has_nul = 1;
				}
				push(&lx, q == '"' ? TK_STRING : TK_CHAR,
				     buf + start, lx.pos - start, line,
				     has_nul);
				continue;
			}
		}
		if (is_ident_start(ch)) {
			while (is_ident_char(peek(&lx, 0)))
				lx.pos++;
			push(&lx, TK_IDENT, buf + start, lx.pos - start, line,
			     0);
			continue;
		}
		if (is_digit(ch) || (ch == '.' && is_digit(peek(&lx, 1)))) {
			for (;;) {
				int d = peek(&lx, 0);

				if ((d == '+' || d == '-') && lx.pos > start) {
					int e = buf[lx.pos - 1];

					if (e == 'e' || e == 'E' ||
					    e == 'p' || e == 'P') {
						lx.pos++;
						continue;
					}
					break;
				}
				if (!is_ident_char(d) && d != '.')
					break;
				lx.pos++;
			}
			push(&lx, TK_NUMBER, buf + start, lx.pos - start, line,
			     0);
			continue;
		}
		if ((i = punct_len(buf + lx.pos, lx.len - lx.pos)) > 0) {
			lx.pos += i;
			push(&lx, TK_PUNCT, buf + start, i, line, 0);
			continue;
		}
		/* Anything else is a stray byte: report a run of them once. */
		do
			lx.pos++;
		while (lx.pos < lx.len && is_stray(&lx));
		cfg_error(c, lx.file, line, "stray '%s' in input",
			  show_bytes(c, buf + start, lx.pos - start));
		push(&lx, TK_PUNCT, "?", 1, line, 1);
	}
	push(&lx, TK_EOF, "", 0, lx.line, 0);
}
