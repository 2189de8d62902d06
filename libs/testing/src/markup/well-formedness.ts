/**
 * What keeps a page from being well-formed XML (the HTML exports are written so): a stray `<`, a
 * tag whose attributes are not all double-quoted, an `&` that starts no entity, a tag closed out
 * of order or never, more than one root element. None when the document is well-formed.
 */
export function wellFormednessProblems(document: string): string[] {
  const problems: string[] = [];
  const body = document.replace(/^<!DOCTYPE html>\s*/, '');
  if (body === document) problems.push('no <!DOCTYPE html> first');
  const open: string[] = [];
  let roots = 0;
  const tokens =
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39|#\d+);)/g;
  for (const match of body.matchAll(tokens)) {
    const [token, closing, name, , selfClosing] = match;
    if (!name) problems.push(`a stray ${token} at ${match.index}`);
    else if (closing) {
      const opened = open.pop();
      if (opened !== name) problems.push(`</${name}> closes <${opened}> at ${match.index}`);
    } else if (!selfClosing) {
      if (open.length === 0) roots += 1;
      open.push(name);
    }
  }
  if (open.length > 0) problems.push(`never closed: ${open.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
