import { useRef, useState } from 'react';
import { Button, Card, Input, Link, ProgressBar, Text, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { DocumentRecord, Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';

const useStyles = makeStyles({
  drop: { ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1), borderRadius: tokens.borderRadiusMedium, padding: '12px', textAlign: 'center' },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: '6px' },
  row: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
});

/** The client's documents (SharePoint or local disk): list, upload with progress or by drag and drop, download, rename, delete. */
export function DocumentsPanel({ clientId }: { clientId: string }) {
  const { api } = useApp();
  const { t, date } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [page, reload] = useLoad(() => api.get<Page<DocumentRecord>>(`/clients/${clientId}/documents?limit=100`), [clientId]);
  const [progress, setProgress] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? (e.errors[0]?.message ? `${e.detail} ${e.errors[0].message}` : e.detail) : String(e));

  const upload = async (files: FileList | File[]) => {
    setError(null);
    for (const file of Array.from(files)) {
      const form = new FormData();
      form.append('file', file);
      try {
        setProgress(0);
        await api.upload(`/clients/${clientId}/documents`, form, setProgress);
      } catch (e) {
        fail(e);
      }
    }
    setProgress(null);
    reload();
  };
  const download = async (d: DocumentRecord) => {
    const url = URL.createObjectURL(await api.blob(`/documents/${d.id}/content`));
    const a = Object.assign(document.createElement('a'), { href: url, download: d.name });
    a.click();
    URL.revokeObjectURL(url);
  };
  const act = (work: () => Promise<unknown>) => () => work().then(reload, fail);

  return (
    <Card>
      <Text weight="semibold">{t('documents')}</Text>
      <div
        className={`${styles.drop} ${over ? styles.over : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void upload(e.dataTransfer.files);
        }}
      >
        <Text>{t('dropHere')}</Text>{' '}
        <Button size="small" onClick={() => input.current?.click()}>
          {t('upload')}
        </Button>
        <input ref={input} type="file" multiple hidden aria-label={t('upload')} onChange={(e) => e.target.files && void upload(e.target.files)} />
        {progress !== null && <ProgressBar value={progress} aria-label={t('uploading', { percent: Math.round(progress * 100) })} />}
      </div>
      {error && <Text role="alert">{error}</Text>}
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <ul className={styles.list}>
            {p.items.map((d) => (
              <li key={d.id} className={styles.row}>
                {renaming?.id === d.id ? (
                  <>
                    <Input size="small" aria-label={t('rename')} value={renaming.name} onChange={(_e, v) => setRenaming({ id: d.id, name: v.value })} />
                    <Button size="small" appearance="primary" onClick={act(async () => { await api.patch(`/documents/${d.id}`, { name: renaming.name }); setRenaming(null); })}>
                      {t('save')}
                    </Button>
                  </>
                ) : (
                  <Link onClick={() => void download(d)}>{d.name}</Link>
                )}
                <Text size={200}>{`${Math.max(1, Math.round(d.size / 1024))} KB · ${date(d.createdAt)}`}</Text>
                {d.webUrl && (
                  <Link href={d.webUrl} target="_blank" rel="noreferrer">
                    {t('openInSharePoint')}
                  </Link>
                )}
                <Button size="small" appearance="subtle" onClick={() => setRenaming({ id: d.id, name: d.name })}>
                  {t('rename')}
                </Button>
                <Button size="small" appearance="subtle" onClick={act(() => api.del(`/documents/${d.id}`))}>
                  {t('delete')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}
