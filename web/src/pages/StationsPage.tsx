import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Spin,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { useAuth } from '../auth';
import { NextSessions } from '../components/stations/NextSessions';
import { PlayoutForm } from '../components/stations/PlayoutForm';
import { ProgramGrid } from '../components/stations/ProgramGrid';
import { ZoneModal, type ZoneEdit } from '../components/stations/ZoneModal';
import { messageOf } from '../forms';
import { useLang } from '../i18n';
import { useReference } from '../reference';
import type { PlaceNode } from '../types';
import { deleteZone, loadZoneTree, updateZone, type ZoneNode } from '../zones-api';

function placeNames(nodes: PlaceNode[], names = new Map<number, string>()): Map<number, string> {
  for (const n of nodes) {
    names.set(n.id, n.name);
    placeNames(n.children, names);
  }
  return names;
}

function findZone(nodes: ZoneNode[], id: number | null): ZoneNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inside = findZone(n.children, id);
    if (inside) return inside;
  }
  return undefined;
}

/**
 * Administration of stations (đài truyền thanh xã) and their loudspeaker clusters (cụm loa), each
 * zone's playout driver and its program grid. Admins edit zones and playout; schedulers and admins
 * edit the grid; everyone else reads.
 */
export function StationsPage() {
  const { t } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const reference = useReference();
  const [zones, setZones] = useState<ZoneNode[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ZoneEdit | null>(null);
  const [gridVersion, setGridVersion] = useState(0);
  /** Stations open in the tree: all of them after each load, so that a new cluster shows at once. */
  const [expanded, setExpanded] = useState<Key[]>([]);
  const admin = can('admin');
  const scheduler = can('scheduler');

  const load = useCallback(async () => {
    try {
      const tree = await loadZoneTree();
      setZones(tree);
      setExpanded((keys) => [...new Set([...keys, ...tree.map((z) => z.id)])]);
      setError(null);
      setSelectedId((id) => (findZone(tree, id) ? id : (tree[0]?.id ?? null)));
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const places = useMemo(() => placeNames(reference?.places ?? []), [reference]);
  const selected = zones ? findZone(zones, selectedId) : undefined;

  const toggleActive = async (zone: ZoneNode) => {
    try {
      await updateZone(zone.id, { active: !zone.active, version: zone.version });
      void message.success(t('saved'));
    } catch (e) {
      setError(messageOf(e));
    }
    await load();
  };
  const remove = async (zone: ZoneNode) => {
    try {
      await deleteZone(zone.id);
      void message.success(t('st.deleted'));
      setSelectedId(null);
    } catch (e) {
      setError(messageOf(e));
    }
    await load();
  };

  const treeData = (nodes: ZoneNode[]): object[] =>
    nodes.map((z) => ({
      key: z.id,
      title: (
        <span>
          {z.name} {z.kind === 'cluster' && <Tag>{t('st.cluster')}</Tag>}
          {!z.active && <Tag color="red">{t('st.inactive')}</Tag>}
        </span>
      ),
      children: treeData(z.children),
    }));

  return (
    <section aria-labelledby="stations-title">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="stations-title" style={{ fontSize: 22, margin: 0 }}>
          {t('st.title')}
        </Typography.Title>
        {admin && (
          <Button type="primary" onClick={() => setEditing({ kind: 'station' })}>
            {t('st.newStation')}
          </Button>
        )}
      </Flex>
      {error && (
        <Alert type="error" title={error} showIcon closable style={{ marginBottom: 12 }} role="alert" />
      )}
      {!admin && !scheduler && (
        <Alert type="info" title={t('st.readOnly')} showIcon style={{ marginBottom: 12 }} />
      )}
      <Flex gap={16} align="start">
        <nav
          aria-label={t('st.zones')}
          style={{ width: 300, flex: 'none', background: '#fff', borderRadius: 8, padding: 12 }}
        >
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 0 }}>
            {t('st.zones')}
          </Typography.Title>
          {!zones ? (
            <Spin />
          ) : zones.length === 0 ? (
            <Empty description={t('st.noZones')} />
          ) : (
            <Tree
              className="zone-tree"
              expandedKeys={expanded}
              onExpand={setExpanded}
              blockNode
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => keys.length && setSelectedId(Number(keys[0]))}
              treeData={treeData(zones) as never}
              style={{ maxHeight: 560, overflow: 'auto' }}
            />
          )}
        </nav>
        <div style={{ flex: 1, minWidth: 0, background: '#fff', borderRadius: 8, padding: 16 }}>
          {!selected ? (
            <Empty description={t('st.pick')} />
          ) : (
            <>
              <Flex justify="space-between" align="start" gap={8} wrap>
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }} className="zone-title">
                  {selected.name} <Tag>{selected.kind === 'station' ? t('st.station') : t('st.cluster')}</Tag>
                  {!selected.active && <Tag color="red">{t('st.inactive')}</Tag>}
                </Typography.Title>
                {admin && (
                  <Space wrap>
                    <Button onClick={() => setEditing({ kind: selected.kind, zone: selected })}>
                      {t('st.edit')}
                    </Button>
                    {selected.kind === 'station' && (
                      <Button onClick={() => setEditing({ kind: 'cluster', parent: selected })}>
                        {t('st.newCluster')}
                      </Button>
                    )}
                    <Button onClick={() => void toggleActive(selected)}>
                      {selected.active ? t('st.deactivate') : t('st.activate')}
                    </Button>
                    <Popconfirm
                      title={t('st.deleteZone', { name: selected.name })}
                      okText={t('st.delete')}
                      cancelText={t('cancel')}
                      onConfirm={() => remove(selected)}
                    >
                      <Button danger>{t('st.delete')}</Button>
                    </Popconfirm>
                  </Space>
                )}
              </Flex>
              <Descriptions
                size="small"
                column={3}
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'place',
                    label: t('st.place'),
                    children: selected.placeId
                      ? (places.get(selected.placeId) ?? `#${selected.placeId}`)
                      : '—',
                  },
                  { key: 'tz', label: t('st.timeZone'), children: selected.timeZone },
                  {
                    key: 'parent',
                    label: t('st.parent'),
                    children: selected.parentId ? (findZone(zones!, selected.parentId)?.name ?? '—') : '—',
                  },
                ]}
              />
              <Tabs
                key={selected.id}
                items={[
                  {
                    key: 'grid',
                    label: t('st.tab.grid'),
                    children: (
                      <ProgramGrid
                        zoneId={selected.id}
                        segments={reference?.segments ?? []}
                        editable={scheduler}
                        onChanged={() => setGridVersion((v) => v + 1)}
                      />
                    ),
                  },
                  {
                    key: 'preview',
                    label: t('st.tab.preview'),
                    children: (
                      <NextSessions
                        zoneId={selected.id}
                        timeZone={selected.timeZone}
                        segments={reference?.segments ?? []}
                        version={gridVersion}
                      />
                    ),
                  },
                  {
                    key: 'playout',
                    label: t('st.tab.playout'),
                    children: <PlayoutForm zoneId={selected.id} editable={admin} />,
                  },
                ]}
              />
            </>
          )}
        </div>
      </Flex>
      <ZoneModal
        edit={editing}
        places={reference?.places ?? []}
        onClose={(saved) => {
          setEditing(null);
          if (saved) {
            void message.success(t('saved'));
            setSelectedId(saved.id);
            void load();
          }
        }}
      />
    </section>
  );
}
