// Accounts: list, add, edit role/unit/leader, reset password, disable, unlock after wrong passwords;
// open accounts in bulk (one per unit, or from a table).
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { messageOf } from '../../api/client';
import { itemsOf, reference } from '../../api/endpoints';
import type { Role, UserRow } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { LoadError } from '../../components/Feedback';
import { ROLE_LABEL } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { AccountImportButton } from './AccountImport';
import { UnitAccountsButton } from './UnitAccounts';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number;
  leaderId?: number;
  password?: string;
  disabled?: boolean;
}

export function UsersTab() {
  const me = useMe();
  const { message } = App.useApp();
  const users = useLoad(() => reference.users(), []);
  const units = useLoad(() => reference.units(), []);
  const leaders = useLoad(() => reference.leaders(), []);
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);

  const open = (u: UserRow | 'new') => {
    setEditing(u);
    form.resetFields();
    if (u !== 'new')
      form.setFieldsValue({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId: u.unit?.id ?? undefined,
        leaderId: u.leader?.id ?? undefined,
        disabled: !!u.disabled,
      });
    else form.setFieldsValue({ role: 'unit' });
  };
  const save = async () => {
    // An invalid form shows its messages on the fields; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {
      displayName: v.displayName,
      unitId: v.role === 'unit' ? v.unitId : null,
      leaderId: v.role === 'leader' ? v.leaderId : null,
      disabled: !!v.disabled,
    };
    if (editing === 'new' || (editing && editing.id !== me.id)) body.role = v.role;
    if (editing === 'new') body.username = v.username;
    if (v.password) body.password = v.password;
    try {
      await reference.saveUser(editing === 'new' ? undefined : editing!.id, body);
      message.success('已保存');
      setEditing(null);
      users.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const unlock = async (u: UserRow) => {
    try {
      await reference.unlockUser(u.id);
      message.success(`已解除 ${u.displayName || u.username} 的登录锁定`);
      users.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <>
      {users.error ? <LoadError error={users.error} onRetry={users.reload} /> : null}
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 12 }}>
        新增账号
      </Button>
      <UnitAccountsButton onCreated={users.reload} />
      <AccountImportButton onCreated={users.reload} />
      <Table<UserRow>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={itemsOf(users.data)}
        scroll={{ x: 700 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABEL[r] },
          { title: '单位 / 领导', key: 'scope', render: (_, u) => u.unit?.name ?? u.leader?.name ?? '—' },
          {
            title: '状态',
            key: 'disabled',
            render: (_, u) =>
              u.disabled ? (
                <Tag>已停用</Tag>
              ) : u.locked ? (
                <Tag color="red">密码错误次数过多，已锁定</Tag>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, u) => (
              <>
                <Button size="small" onClick={() => open(u)}>
                  编辑
                </Button>
                {u.locked ? (
                  <Button size="small" style={{ marginLeft: 8 }} onClick={() => unlock(u)}>
                    解除锁定
                  </Button>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增账号' : '编辑账号'}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="角色"
            name="role"
            rules={[{ required: true }]}
            extra={editing !== 'new' && editing?.id === me.id ? '不能修改自己的角色。' : undefined}
          >
            <Select
              disabled={editing !== 'new' && editing?.id === me.id}
              options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
            />
          </Form.Item>
          {role === 'unit' && (
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
          {role === 'leader' && (
            <Form.Item label="对应领导" name="leaderId" rules={[{ required: true, message: '请选择领导' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            label={editing === 'new' ? '初始密码' : '重置密码（留空则不改）'}
            name="password"
            rules={[
              { required: editing === 'new', message: '请设置初始密码' },
              { min: 8, message: '密码至少 8 位' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item label="停用" name="disabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
