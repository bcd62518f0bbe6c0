import type { RecordColumns } from '../../db/columns.js';

/** A client's folder (deal_id null) or a deal's subfolder in the document store, with the store's own id. */
export interface DocumentFoldersTable extends RecordColumns {
  client_id: string;
  deal_id: string | null;
  provider: 'sharepoint' | 'local';
  /** SharePoint drive item id, or the path under the tenant's directory for the local store. */
  item_id: string;
  /** The name given to the folder, to notice when the client or deal was renamed since. */
  name: string;
  web_url: string | null;
}

export interface DocumentsTable extends RecordColumns {
  client_id: string;
  deal_id: string | null;
  folder_id: string;
  provider: 'sharepoint' | 'local';
  /** Storage key: SharePoint drive item id, or the path under the tenant's directory. */
  item_id: string;
  name: string;
  size: number;
  content_type: string;
  web_url: string | null;
  uploaded_by: string;
}
