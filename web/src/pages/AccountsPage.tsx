import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { get, patch, post } from '../api';
import { messageOf, newPasswordRules, showFieldErrors } from '../forms';
import { dateTime } from '../format';
import { dynamicKey, useLang } from '../i18n';
import { ROLES, type Page, type Role, type User } from '../types';

interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** Account administration (admin): list, create with roles, disable/enable, reset a password. */
export function AccountsPage() {
  const { t } = useLang();
  const { message } = App.useApp();
  const [users, setUsers] = useState<Page<User> | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const load = useCallback(() => {
    get<Page<User>>(`/api/users?page=${page}&pageSize=50`)
      .then((p) => (setUsers(p), setError(null)))
      .catch((e: unknown) => setError(messageOf(e)));
  }, [page]);
  useEffect(load, [load]);

  const toggle = async (user: User) => {
    try {
      await patch(`/api/users/${user.id}`, { active: !user.active, version: user.version });
      void message.success(t('saved'));
    } catch (e) {
      setError(messageOf(e));
    }
    load();
  };

  return (
    <section aria-labelledby="accounts-title">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="accounts-title" style={{ fontSize: 22, margin: 0 }}>
          {t('acc.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('acc.new')}
        </Button>
      </Flex>
      {error && (
        <Alert type="error" title={error} showIcon closable style={{ marginBottom: 12 }} role="alert" />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        dataSource={users?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 50, total: users?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('acc.username'), dataIndex: 'username' },
          { title: t('acc.displayName'), dataIndex: 'displayName' },
          {
            title: t('acc.roles'),
            key: 'roles',
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(dynamicKey(`role.${r}`))}</Tag>),
          },
          {
            title: t('catalog.status'),
            key: 'active',
            render: (_, u) => (
              <Space size={4} wrap>
                {u.active ? (
                  <Tag color="green">{t('acc.active')}</Tag>
                ) : (
                  <Tag color="red">{t('acc.disabled')}</Tag>
                )}
                {u.mustChangePassword && <Tag color="gold">{t('acc.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('acc.lastLogin'),
            key: 'lastLogin',
            responsive: ['md'],
            render: (_, u) => dateTime(u.lastLoginAt),
          },
          {
            title: '',
            key: 'actions',
            render: (_, u) => (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => void toggle(u)}
                  aria-label={`${u.active ? t('acc.disable') : t('acc.enable')} ${u.username}`}
                >
                  {u.active ? t('acc.disable') : t('acc.enable')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setResetting(u)}
                  aria-label={`${t('acc.reset')} ${u.username}`}
                >
                  {t('acc.reset')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            void message.success(t('acc.created'));
            load();
          }
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => (setResetting(null), load())} />
    </section>
  );
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useLang();
  const [form] = Form.useForm<NewUser>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: NewUser) => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/users', values);
      form.resetFields();
      onClose(true);
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('acc.new')}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'create-user' }}
      destroyOnHidden
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        id="create-user"
        name="create-user"
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [] }}
      >
        <Form.Item
          label={t('acc.username')}
          name="username"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('acc.displayName')}
          name="displayName"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('acc.roles')} name="roles" rules={[{ required: true, message: t('required') }]}>
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t(dynamicKey(`role.${r}`)) }))} />
        </Form.Item>
        <Form.Item label={t('acc.password')} name="password" rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ password }: { password: string }) => {
    try {
      await post(`/api/users/${user!.id}/password`, { password });
      void message.success(t('saved'));
      form.resetFields();
      onClose();
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    }
  };
  return (
    <Modal
      open={!!user}
      title={`${t('acc.reset')}: ${user?.username ?? ''}`}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'reset-password' }}
      destroyOnHidden
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} id="reset-password" name="reset-password" layout="vertical" onFinish={submit}>
        <Form.Item label={t('acc.password')} name="password" rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
