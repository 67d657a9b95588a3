import { Tag } from 'antd';
import { dynamicKey, useLang } from '../i18n';
import type { AssetStatus, ReportageStatus } from '../types';

const REPORTAGE_COLORS: Record<ReportageStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'green',
  rejected: 'red',
  archived: 'purple',
};

const ASSET_COLORS: Record<AssetStatus, string> = {
  queued: 'default',
  processing: 'blue',
  ready: 'green',
  failed: 'red',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: ReportageStatus }) {
  const { t } = useLang();
  return (
    <Tag color={REPORTAGE_COLORS[status]} data-status={status}>
      {t(dynamicKey(`status.${status}`))}
    </Tag>
  );
}

export function AssetStatusTag({ status }: { status: AssetStatus }) {
  const { t } = useLang();
  return (
    <Tag color={ASSET_COLORS[status]} data-asset-status={status}>
      {t(dynamicKey(`asset.${status}`))}
    </Tag>
  );
}
