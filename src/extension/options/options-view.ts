// DOM pieces of the options page; stored site keys go in as text only.

/** The turned-off sites, each with a button that turns it back on. */
export function renderSiteList(list: HTMLUListElement, sites: string[], onTurnOn: (site: string) => void): void {
  const doc = list.ownerDocument;
  const hadFocus = list.contains(doc.activeElement);
  list.replaceChildren(
    ...sites.map((site) => {
      const item = doc.createElement('li');
      const name = doc.createElement('span');
      name.textContent = site;
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = 'Turn back on';
      button.setAttribute('aria-label', `Turn ${site} back on`);
      button.addEventListener('click', () => onTurnOn(site));
      item.append(name, button);
      return item;
    }),
  );
  // The focused button disappeared with its site: keep the keyboard user in the list.
  if (hadFocus) list.querySelector('button')?.focus();
}
