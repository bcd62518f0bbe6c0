import { useEffect, useRef, useState } from 'react';
import { Combobox, Option } from '@fluentui/react-components';
import type { Client, Page } from '../../../../api/src/contract/index.js';
import { useApp } from '../../app/context.js';

/**
 * A client chosen by typing part of its name, IČO or email (the API's diacritics-insensitive
 * search). Debounced, and only the newest answer is shown when answers arrive out of order.
 */
export function ClientPicker({ onPick }: { onPick: (client: Client | null) => void }) {
  const { api } = useApp();
  const [text, setText] = useState('');
  const [clients, setClients] = useState<Client[]>([]);
  // Open while typing: the options arrive after the debounce, when the list would otherwise stay shut.
  const [open, setOpen] = useState(false);
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    const id = setTimeout(() => {
      const q = text.trim();
      void api.get<Page<Client>>(`/clients?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`).then(
        (page) => n === asked.current && setClients(page.items),
        () => n === asked.current && setClients([]),
      );
    }, 200);
    return () => clearTimeout(id);
  }, [api, text]);
  return (
    <Combobox
      value={text}
      open={open && clients.length > 0}
      onOpenChange={(_e, d) => setOpen(d.open)}
      onChange={(e) => {
        setText(e.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_e, d) => {
        setText(d.optionText ?? '');
        setOpen(false);
        onPick(clients.find((c) => c.id === d.optionValue) ?? null);
      }}
    >
      {clients.map((c) => (
        <Option key={c.id} value={c.id}>
          {c.name}
        </Option>
      ))}
    </Combobox>
  );
}
