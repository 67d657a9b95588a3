import { Alert, App, Button, Card, Descriptions, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { get, post, uploadAudio } from '../api';
import { messageOf } from '../forms';
import { useAuth } from '../auth';
import { decibels, duration } from '../format';
import { useLang } from '../i18n';
import { useAssetEvents } from '../queries';
import type { AudioAsset, Reportage } from '../types';
import { AssetStatusTag } from './StatusTag';
import { Waveform } from './Waveform';

/**
 * The reportage's audio: upload (with the browser's upload progress), then the processing progress
 * pushed on the event stream, then the player, the waveform, loudness before/after and warnings.
 */
export function AudioPanel({ reportage, onChanged }: { reportage: Reportage; onChanged: () => void }) {
  const { t } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [asset, setAsset] = useState<AudioAsset | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const player = useRef<HTMLAudioElement>(null);
  const assetId = reportage.currentAudio?.id ?? null;

  useEffect(() => {
    if (assetId === null) return setAsset(null);
    void get<AudioAsset>(`/api/audio-assets/${assetId}`).then(setAsset);
  }, [assetId]);

  // Live progress: every event for this reportage's audio updates the bar; a finished job reloads.
  const changed = useRef(onChanged);
  changed.current = onChanged;
  useAssetEvents((event) => {
    if (event.reportageId !== reportage.id) return;
    setAsset((current) =>
      current && current.id === event.assetId
        ? { ...current, status: event.status, progress: event.progress, error: event.error ?? null }
        : current,
    );
    if (['ready', 'failed', 'cancelled'].includes(event.status))
      void get<AudioAsset>(`/api/audio-assets/${event.assetId}`).then((a) => {
        setAsset(a);
        changed.current();
      });
  });

  const upload = async (file: File) => {
    setError(null);
    setUploading(0);
    try {
      const accepted = await uploadAudio(reportage.id, file, setUploading);
      setAsset(accepted);
      changed.current();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setUploading(null);
    }
  };

  const act = async (action: 'cancel' | 'retry') => {
    if (!asset) return;
    try {
      setAsset(await post<AudioAsset>(`/api/audio-assets/${asset.id}/${action}`));
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const busy = asset && (asset.status === 'queued' || asset.status === 'processing');
  const mayUpload = can('editor') && reportage.status !== 'archived';

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('audio.title')}</h2>}
      extra={asset && <AssetStatusTag status={asset.status} />}
      className="audio-panel"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {error && <Alert type="error" title={error} showIcon role="alert" />}
        {!asset && uploading === null && (
          <Typography.Text type="secondary">{t('audio.none')}</Typography.Text>
        )}
        {uploading !== null && (
          <div>
            <Typography.Text id="upload-progress-label">{t('audio.uploading')}</Typography.Text>
            <Progress
              percent={uploading}
              className="upload-progress"
              aria-labelledby="upload-progress-label"
            />
          </div>
        )}
        {asset && busy && (
          <div>
            <Typography.Text id="processing-progress-label">{t('audio.processing')}</Typography.Text>
            <Progress
              percent={Math.round(asset.progress)}
              status="active"
              className="processing-progress"
              aria-labelledby="processing-progress-label"
            />
            {can('editor') && (
              <Button size="small" onClick={() => void act('cancel')}>
                {t('cancel')}
              </Button>
            )}
          </div>
        )}
        {asset?.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={asset.error}
            action={can('editor') && <Button onClick={() => void act('retry')}>↻</Button>}
          />
        )}
        {asset?.status === 'ready' && asset.urls.broadcast && (
          <div className="player">
            <audio
              ref={player}
              controls
              preload="metadata"
              src={asset.urls.broadcast}
              aria-label={t('audio.player')}
              style={{ width: '100%' }}
            />
            {asset.urls.waveform && (
              <Waveform url={asset.urls.waveform} audio={player} label={t('audio.waveform')} />
            )}
          </div>
        )}
        {asset?.status === 'ready' && (
          <Descriptions
            size="small"
            column={1}
            bordered
            title={t('audio.loudness')}
            items={[
              {
                key: 'in',
                label: t('audio.before'),
                children: `${decibels(asset.loudnessIn, 'LUFS')} · ${t('audio.truePeak')} ${decibels(asset.truePeakIn, 'dBTP')} · ${t('audio.range')} ${decibels(asset.loudnessRangeIn, 'LU')}`,
              },
              {
                key: 'out',
                label: t('audio.after'),
                children: `${decibels(asset.loudnessOut, 'LUFS')} · ${t('audio.truePeak')} ${decibels(asset.truePeakOut, 'dBTP')} · ${duration(asset.broadcastDurationSeconds)}`,
              },
            ]}
          />
        )}
        {asset?.status === 'ready' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="help-text">
            {t('audio.help')}
          </Typography.Text>
        )}
        {asset?.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} />
        ))}
        {asset && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {asset.originalName} · {duration(asset.durationSeconds)}
          </Typography.Text>
        )}
        {mayUpload && (
          <Upload
            accept="audio/*,video/*,.wav,.mp3,.m4a,.ogg,.opus,.flac,.amr,.3gp"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            disabled={uploading !== null}
          >
            <Button disabled={uploading !== null}>{t('audio.upload')}</Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}
