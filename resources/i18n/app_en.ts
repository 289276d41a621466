<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../app/views/dispatch/confirm.py" line="33"/>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/formatting.py" line="39"/>
        <source>{0}分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/formatting.py" line="42"/>
        <source>{0}小时{1:02d}分</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/formatting.py" line="44"/>
        <source>{0}天{1}小时</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="44"/>
        <source>调派休假民警</source>
        <translation>Dispatch officer on leave</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="46"/>
        <source>坚持调派</source>
        <translation>Dispatch anyway</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="107"/>
        <source>处置情况报告</source>
        <translation>Incident report</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="119"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="125"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="149"/>
        <source>结束处置</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_actions.py" line="151"/>
        <source>仍然结束</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_inbox_model.py" line="94"/>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_inbox_model.py" line="95"/>
        <source>逾期未签</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_inbox_model.py" line="95"/>
        <source>未签收</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_notifier.py" line="39"/>
        <source>……共 {0} 条</source>
        <translation>… {0} in total</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_notifier.py" line="81"/>
        <source>收到新的警令通知</source>
        <translation>New orders received</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_notifier.py" line="86"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_notifier.py" line="88"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_status_indicator.py" line="29"/>
        <source>点击打开“我的警令”</source>
        <translation>Click to open &quot;My orders&quot;</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_status_indicator.py" line="36"/>
        <source>未签收警令 {0} 条</source>
        <translation>{0} unacknowledged orders</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="47"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="60"/>
        <source>审批意见（不同意时必填）</source>
        <translation>Decision notes (required to refuse)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="64"/>
        <source>核定金额（元），默认为申请金额</source>
        <translation>Approved amount (yuan); defaults to the amount requested</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="72"/>
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="73"/>
        <source>不同意</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="75"/>
        <source>打印审批表</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="77"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="89"/>
        <source>审批意见：</source>
        <translation>Decision notes:</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="116"/>
        <source>{0}审批</source>
        <translation>{0} approval</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approval_dialog.py" line="185"/>
        <source>{0}审批表</source>
        <translation>{0} approval form</translation>
    </message>
</context>
<context>
    <name>ApprovalsScreen</name>
    <message>
        <location filename="../../app/views/support/approvals_screen.py" line="142"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approvals_screen.py" line="144"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approvals_screen.py" line="146"/>
        <source>等待您审批的申请（不含您本人的申请）</source>
        <translation>Requests awaiting your approval (your own excluded)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approvals_screen.py" line="174"/>
        <source>共 {0} 件待审批</source>
        <translation>{0} awaiting approval</translation>
    </message>
    <message>
        <location filename="../../app/views/support/approvals_screen.py" line="174"/>
        <source>暂无待审批事项</source>
        <translation>Nothing awaiting approval</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="103"/>
        <source>分派事项</source>
        <translation>Assign request</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="114"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="115"/>
        <source>承办民警</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="116"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="117"/>
        <source>分派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="128"/>
        <source>（暂不指定民警）</source>
        <translation>(No officer yet)</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="72"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="73"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="133"/>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="138"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="150"/>
        <source>正在读取“{0}”…</source>
        <translation>Reading &quot;{0}&quot;…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="163"/>
        <source>图片“{0}”无法显示。</source>
        <translation>Cannot display image &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="186"/>
        <source>已用系统程序打开“{0}”。</source>
        <translation>Opened &quot;{0}&quot; with the system viewer.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/attachment_panel.py" line="189"/>
        <source>没有可以打开“{0}”的程序，请用“另存为…”保存后查看。</source>
        <translation>No program can open &quot;{0}&quot;. Use &quot;Save as…&quot; and open the copy.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="29"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="30"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="31"/>
        <location filename="../../app/views/admin/audit_view.py" line="68"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="32"/>
        <source>工作站</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="33"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="34"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="35"/>
        <source>对象编号</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="36"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="37"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="38"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="39"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="42"/>
        <source>全部结果</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="43"/>
        <source>成功</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="44"/>
        <source>拒绝</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="45"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="49"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="50"/>
        <source>锁定账号</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="51"/>
        <source>解锁账号</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="52"/>
        <source>解锁屏幕</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="53"/>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="54"/>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="55"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="56"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="57"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="58"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="59"/>
        <source>查看完整号码</source>
        <translation>Unmask</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="60"/>
        <source>权限检查</source>
        <translation>Permission check</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="61"/>
        <source>权限变更</source>
        <translation>Permission change</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="62"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="63"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="64"/>
        <source>创建首个管理员</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="65"/>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="69"/>
        <source>群众信息</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="70"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="71"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="80"/>
        <source>审计日志（只读）</source>
        <translation>Audit log (read-only)</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="83"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="85"/>
        <source>操作，如 login、update、export</source>
        <translation>Action, e.g. login, update, export</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="95"/>
        <source>说明或对象编号包含</source>
        <translation>Notes or object ID contains</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="96"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="98"/>
        <source>校验审计链</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="106"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="108"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="120"/>
        <source>加载更早的记录</source>
        <translation>Load older records</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="189"/>
        <source>共 {0} 条，已显示 {1} 条</source>
        <translation>{1} of {0} shown</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="200"/>
        <source>审计链完整</source>
        <translation>Audit chain intact</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="201"/>
        <source>已校验 {0} 条记录，未发现篡改或删除。</source>
        <translation>{0} records verified; no tampering or deletion found.</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="206"/>
        <source>审计链被破坏</source>
        <translation>Audit chain broken</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/audit_view.py" line="207"/>
        <source>第 {0} 号记录：{1}</source>
        <translation>Record {0}: {1}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="98"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="100"/>
        <source>备份文件夹：{0}</source>
        <translation>Backup folder: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="104"/>
        <source>每个备份旁边有一份 SHA-256 校验清单，恢复前先核对；校验不符的备份会被拒绝。恢复会替换当前数据库中的全部数据，请先让其他工作站退出；恢复后需重新登录。</source>
        <translation>Each backup has a SHA-256 manifest beside it, checked before a restore; a backup that does not match is refused. A restore replaces all data in the current database: have other workstations exit first; log in again afterwards.</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="111"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="114"/>
        <source>从所选备份恢复…</source>
        <translation>Restore from the selected backup…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="117"/>
        <source>从其他文件恢复…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="119"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="140"/>
        <source>正在备份数据库……</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="147"/>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="148"/>
        <source>已备份到 {0}
{1} 张表，共 {2} 行；SHA-256 {3}</source>
        <translation>Backed up to {0}
{1} tables, {2} rows; SHA-256 {3}</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="157"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="157"/>
        <source>请先选择一个备份。</source>
        <translation>Please select a backup first.</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="170"/>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="172"/>
        <source>用 {0} 的备份替换当前数据库中的全部数据？
之后的修改都会丢失；恢复完成后需要重新登录。</source>
        <translation>Replace all data in the current database with the backup of {0}?
Later changes will be lost; you must log in again after the restore.</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="184"/>
        <source>已从 {0} 恢复，校验值与各表行数一致（{1:.1f} 秒）。</source>
        <translation>Restored from {0}; checksum and row counts of every table match ({1:.1f} s).</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="188"/>
        <source>原数据库已保留为 {0}</source>
        <translation>The previous database was kept as {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="190"/>
        <source>备份的结构版本较旧，请管理员运行“python main.py db upgrade”。</source>
        <translation>The backup&apos;s schema is older: the administrator should run &quot;python main.py db upgrade&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="191"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_dialog.py" line="191"/>
        <source>请重新登录。</source>
        <translation>Please log in again.</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <location filename="../../app/views/citizen/calendar_screen.py" line="34"/>
        <source>未列出的日期：周一至周五上班，周六、周日休息。国务院公布下一年度放假安排后，请先在左侧登记该年份，再在右侧录入法定节假日和调休上班日，然后点“重算在办事项期限”。尚未载入安排的年份，系统按周末推算并标注“暂定”。</source>
        <translation>Dates not listed: Monday–Friday are working days, Saturday and Sunday are off. When the State Council publishes next year&apos;s holidays, add the year on the left, enter the public holidays and make-up working days on the right, then click &quot;Recalculate due dates&quot;. For years without a schedule, weekends only are assumed and dates are marked &quot;provisional&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/calendar_screen.py" line="39"/>
        <source>从参考文件载入已公布年份</source>
        <translation>Load published years from file</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/calendar_screen.py" line="41"/>
        <source>重算在办事项期限</source>
        <translation>Recalculate due dates</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/calendar_screen.py" line="79"/>
        <source>已补充 {0} 个日期。</source>
        <translation>{0} dates added.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/calendar_screen.py" line="88"/>
        <source>已重算：{0} 件事项的承诺办结日期有变动，其中 {1} 件由暂定转为确定。</source>
        <translation>Recalculated: {0} requests have a new due date; {1} of them are no longer provisional.</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="39"/>
        <source>差评回访</source>
        <translation>Poor-rating follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="47"/>
        <source>回访情况：联系方式、群众反映的问题、整改或解释、群众态度</source>
        <translation>Follow-up: how contacted, the citizen&apos;s complaint, fix or explanation, citizen&apos;s response</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="51"/>
        <source>（未再评价）</source>
        <translation>(No new rating)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="53"/>
        <source>{0} 分</source>
        <translation>{0} pts</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="58"/>
        <source>登记回访结果</source>
        <translation>Record follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="60"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="62"/>
        <source>回访结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="63"/>
        <source>回访后评价</source>
        <translation>New rating</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="75"/>
        <source>{0}&#x3000;{1}&#x3000;评价 {2} 分：{3}
回访期限：{4}</source>
        <translation>{0}  {1}  Rated {2}: {3}
Follow up by: {4}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="79"/>
        <source>（未留意见）</source>
        <translation>(No comment)</translation>
    </message>
</context>
<context>
    <name>CardOverviewScreen</name>
    <message>
        <location filename="../../app/views/citizen/card_overview.py" line="39"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/card_overview.py" line="47"/>
        <source>黄牌：距承诺办结只剩 1 个工作日；红牌：已超过承诺办结日期；补正材料期间暂停计时。</source>
        <translation>Yellow card: 1 working day left before the due date. Red card: past the due date. The clock stops while documents are missing.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/card_overview.py" line="89"/>
        <source>在办 {0} 件：黄牌 {1} 件，红牌 {2} 件，暂停计时 {3} 件。</source>
        <translation>{0} open: {1} yellow, {2} red, {3} paused.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="25"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="29"/>
        <source>您正在使用管理员发放的临时密码，请先设置自己的密码。</source>
        <translation>You are using a temporary password from the administrator. Please set your own password.</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="34"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="37"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="39"/>
        <source>至少 {0} 个字符</source>
        <translation>At least {0} characters</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="41"/>
        <source>确认新密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="49"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="51"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../app/views/change_password_dialog.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChannelFiguresScreen</name>
    <message>
        <location filename="../../app/views/publicity/channel_figures_screen.py" line="47"/>
        <source>每月发布次数</source>
        <translation>Publications per month</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/channel_figures_screen.py" line="66"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/channel_figures_screen.py" line="75"/>
        <source>{0} 至 {1}，共发布 {2} 次</source>
        <translation>{0} to {1}: {2} publications</translation>
    </message>
</context>
<context>
    <name>CloseIncidentDialog</name>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="111"/>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="124"/>
        <source>结束处置</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="115"/>
        <source>处置结果、战果、伤亡和损失、经验教训</source>
        <translation>Outcome, results, casualties and losses, lessons learned</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="118"/>
        <source>结束“{0}”后时间线封存，不能再发布进展；参战民警的状态恢复为在岗。</source>
        <translation>Closing &quot;{0}&quot; seals the timeline: no more updates can be posted. Assigned officers go back to On duty.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="122"/>
        <source>处置总结</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../app/views/publicity/diff_view.py" line="43"/>
        <source>版本比较 - {0}</source>
        <translation>Compare versions - {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/diff_view.py" line="49"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/diff_view.py" line="53"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DutyBoardView</name>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="51"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="70"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="100"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="102"/>
        <source>设置所选民警</source>
        <translation>Set selected officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="108"/>
        <source>设为</source>
        <translation>Set to</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="185"/>
        <source>共 {0} 人</source>
        <translation>{0} officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="207"/>
        <source>请先在表中选择民警</source>
        <translation>Select officers in the table first</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/duty_board_view.py" line="216"/>
        <source>已将 {0} 名民警设为“{1}”</source>
        <translation>{0} officers set to &quot;{1}&quot;</translation>
    </message>
</context>
<context>
    <name>EnrolmentPanel</name>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="91"/>
        <source>1. 在手机上打开验证器应用（如“腾讯身份验证器”、Microsoft Authenticator、Google Authenticator），选择“扫描二维码”，扫描左边的二维码。
2. 无法扫描时，选择“手动输入密钥”，输入下面的密钥（基于时间）。
3. 在下方输入验证器显示的 6 位数字，确认后即启用。</source>
        <translation>1. Open an authenticator app on your phone (e.g. Tencent Authenticator, Microsoft Authenticator, Google Authenticator), choose &quot;Scan a QR code&quot; and scan the code on the left.
2. If it cannot scan, choose &quot;Enter a setup key&quot; and type the key below (time-based).
3. Enter the 6 digits the app shows below; it is enabled once confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="106"/>
        <source>密钥：</source>
        <translation>Key:</translation>
    </message>
</context>
<context>
    <name>EntityFormDialog</name>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="161"/>
        <source>新增{0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="163"/>
        <source>编辑{0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="196"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="199"/>
        <location filename="../../app/views/common/entity_form_dialog.py" line="592"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="199"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="227"/>
        <source>请选择日期</source>
        <translation>Select a date</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="227"/>
        <location filename="../../app/views/common/entity_form_dialog.py" line="233"/>
        <location filename="../../app/views/common/entity_form_dialog.py" line="239"/>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="246"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="269"/>
        <source>显示完整</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="270"/>
        <source>显示完整号码（将记入审计日志）</source>
        <translation>Show the full number (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="427"/>
        <source>请填写{0}</source>
        <translation>Enter {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="429"/>
        <source>请选择{0}</source>
        <translation>Select {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="511"/>
        <source>编辑{0}：{1}</source>
        <translation>Edit {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="544"/>
        <source>请按红色提示修改后再保存。</source>
        <translation>Fix the fields marked in red, then save.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="587"/>
        <source>记录已被修改</source>
        <translation>Record changed</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="589"/>
        <source>选择“重新载入”查看最新内容（您刚才的改动将被放弃），然后再修改。</source>
        <translation>Choose &quot;Reload&quot; to see the latest version (your changes will be discarded), then edit again.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="590"/>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>EntityScreen</name>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="165"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="225"/>
        <source>“{0}”列不支持排序。</source>
        <translation>Column &quot;{0}&quot; cannot be sorted.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="284"/>
        <source>您没有“{0}”的权限，如需办理请联系系统管理员。</source>
        <translation>You do not have the &quot;{0}&quot; permission. Ask the administrator if you need it.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="298"/>
        <source>请先在列表中选中一条记录</source>
        <translation>Select a record in the list first</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="321"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="326"/>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="410"/>
        <source>删除确认</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="411"/>
        <source>确定删除{0}“{1}”吗？</source>
        <translation>Delete {0} &quot;{1}&quot;?</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="412"/>
        <source>删除后不能恢复，操作将记入审计日志。</source>
        <translation>This cannot be undone and is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="61"/>
        <location filename="../../app/views/common/entity_screen.py" line="413"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="415"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="62"/>
        <location filename="../../app/views/common/entity_screen.py" line="443"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="59"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="60"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="63"/>
        <source>导入Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="64"/>
        <source>打印列表</source>
        <translation>Print list</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="65"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="443"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="457"/>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} records to {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="461"/>
        <source>正在导出Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="510"/>
        <source>正在生成打印文件…</source>
        <translation>Preparing print file…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/entity_screen.py" line="542"/>
        <source>{0}名单</source>
        <translation>{0} list</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../../app/views/common/entity_table_model.py" line="348"/>
        <source>（可排序）</source>
        <translation> (sortable)</translation>
    </message>
</context>
<context>
    <name>FiguresDashboard</name>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="94"/>
        <source>统计</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="96"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="98"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="103"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="123"/>
        <source>各部门受理与办结</source>
        <translation>Accepted and completed by department</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="124"/>
        <source>按月受理与办结</source>
        <translation>Accepted and completed by month</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="125"/>
        <source>各渠道受理</source>
        <translation>Accepted by channel</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="198"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="221"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="226"/>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="233"/>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="239"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="227"/>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="234"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="277"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="277"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="286"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/figures_dashboard.py" line="312"/>
        <source>民生警务统计报表</source>
        <translation>Citizen Services statistics</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="79"/>
        <source>输入关键字搜索</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="102"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="104"/>
        <source>清除搜索内容和全部筛选条件</source>
        <translation>Clear the search and all filters</translation>
    </message>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="115"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="19"/>
        <source>首次启动：创建系统管理员</source>
        <translation>First start: create the administrator</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="23"/>
        <source>这是一个新的数据库，还没有任何账号。请创建第一个系统管理员账号，之后由管理员为各位民警创建账号并分配角色。
数据库：{0}</source>
        <translation>This is a new database with no accounts yet. Create the first administrator account; the administrator then creates accounts for officers and assigns roles.
Database: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="31"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="31"/>
        <source>例如 admin 或警号</source>
        <translation>e.g. admin or badge number</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="33"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="36"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="38"/>
        <source>至少 {0} 个字符</source>
        <translation>At least {0} characters</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="40"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="41"/>
        <source>同时载入岚皋县演示数据（乡镇、部门、派出所、各角色民警和群众）</source>
        <translation>Also load demo data (towns, units, officers, citizens)</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="49"/>
        <source>创建管理员</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <location filename="../../app/views/first_start_dialog.py" line="50"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>FollowUpScreen</name>
    <message>
        <location filename="../../app/views/citizen/followup_screen.py" line="119"/>
        <source>登记回访…</source>
        <translation>Record call-back…</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="78"/>
        <source>打印本指南</source>
        <translation>Print guide</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="80"/>
        <source>打印全部指南</source>
        <translation>Print all guides</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="82"/>
        <source>办事指南由事项目录自动生成，目录修改后随之更新。</source>
        <translation>Service guides are generated from the request catalogue and follow its changes.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="144"/>
        <source>{0}办事指南</source>
        <translation>{0} service guide</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="156"/>
        <source>正在生成办事指南…</source>
        <translation>Generating service guides…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/guide_screen.py" line="157"/>
        <source>办事指南汇编</source>
        <translation>Service guides</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="59"/>
        <source>导入{0}</source>
        <translation>Import {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="62"/>
        <source>选择Excel文件…</source>
        <translation>Choose Excel file…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="64"/>
        <source>下载导入模板</source>
        <translation>Download template</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="67"/>
        <source>请选择要导入的Excel文件（.xlsx）。第一行可以是标题，表头须包含必填列。</source>
        <translation>Choose the Excel file (.xlsx) to import. The first row may be a title; the header must contain the required columns.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="78"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="78"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="78"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="91"/>
        <location filename="../../app/views/common/import_dialog.py" line="182"/>
        <source>导入有效行</source>
        <translation>Import valid rows</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="94"/>
        <source>全部不导入</source>
        <translation>Import nothing</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="125"/>
        <source>选择要导入的Excel文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="125"/>
        <location filename="../../app/views/common/import_dialog.py" line="243"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="136"/>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="137"/>
        <source>正在检查文件…</source>
        <translation>Checking file…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="140"/>
        <source>正在检查导入文件…</source>
        <translation>Checking the import file…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="147"/>
        <source>文件未能读取，请检查后重新选择。</source>
        <translation>The file could not be read. Check it and choose again.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="155"/>
        <source>可导入 &lt;b&gt;{0}&lt;/b&gt; 行</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; rows can be imported</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="156"/>
        <source>有问题 &lt;b style=&apos;color:#c62828&apos;&gt;{0}&lt;/b&gt; 行</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;{0}&lt;/b&gt; rows with problems</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="157"/>
        <source>空行已跳过 {0} 行</source>
        <translation>{0} empty rows skipped</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="160"/>
        <source>模板示例行已跳过</source>
        <translation>Template sample row skipped</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="163"/>
        <source>&lt;br&gt;有问题的行不会导入：可以只导入有效行，或修改文件后重新导入。</source>
        <translation>&lt;br&gt;Rows with problems are not imported: import only the valid rows, or fix the file and import again.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="165"/>
        <source>&lt;br&gt;未识别的列（不导入）：{0}</source>
        <translation>&lt;br&gt;Unknown columns (not imported): {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="182"/>
        <source>导入有效行（{0}行）</source>
        <translation>Import valid rows ({0})</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="203"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="213"/>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="214"/>
        <source>已导入 {0} 行。另有 {1} 行在检查后已被其他人登记，未导入：
{2}</source>
        <translation>{0} rows imported. {1} rows were registered by someone else after the check and were not imported:
{2}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="230"/>
        <source>导入未完成，没有写入任何数据。</source>
        <translation>The import did not finish; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="243"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../app/views/common/import_dialog.py" line="253"/>
        <source>模板已保存：{0}</source>
        <translation>Template saved: {0}</translation>
    </message>
</context>
<context>
    <name>IncidentCreateDialog</name>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="42"/>
        <source>新建事件/集群战役</source>
        <translation>New incident / joint operation</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="72"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="73"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="74"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="80"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="82"/>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="83"/>
        <source>简要情况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="84"/>
        <source>指挥员</source>
        <translation>Commander</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="87"/>
        <source>参战单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="88"/>
        <source>调派民警（状态将改为出警/现场）</source>
        <translation>Dispatch officers (status becomes Responding)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="95"/>
        <source>开始处置</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="110"/>
        <source>（未指定）</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="149"/>
        <source>调派休假民警</source>
        <translation>Dispatch officer on leave</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_create_dialog.py" line="151"/>
        <source>坚持调派</source>
        <translation>Dispatch anyway</translation>
    </message>
</context>
<context>
    <name>IncidentPage</name>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="92"/>
        <source>调派民警…</source>
        <translation>Dispatch…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="93"/>
        <source>撤回所选</source>
        <translation>Withdraw selected</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="94"/>
        <source>布置任务…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="109"/>
        <source>反馈现场进展，或发布指挥指令</source>
        <translation>Report progress on scene, or issue a command</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="112"/>
        <source>附件…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="113"/>
        <source>发布进展</source>
        <translation>Post update</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="115"/>
        <source>发布指令</source>
        <translation>Issue command</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="117"/>
        <source>打印处置报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="119"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="120"/>
        <source>结束处置…</source>
        <translation>Close incident…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="133"/>
        <source>参战民警</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="139"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="149"/>
        <source>时间线（永久保存）</source>
        <translation>Timeline (kept permanently)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="200"/>
        <source>处置中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="200"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="204"/>
        <source>{0} · {1} · {2}&#x3000;地点：{3}&#x3000;指挥员：{4}&#x3000;开始：{5}&#x3000;参战单位：{6}</source>
        <translation>{0} · {1} · {2}  Location: {3}  Commander: {4}  Started: {5}  Units: {6}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="216"/>
        <source>已撤离</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="218"/>
        <source>（指挥员）</source>
        <translation>(commander)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="256"/>
        <source>已于 {0} 结束，时间线已封存。</source>
        <translation>Closed on {0}; the timeline is sealed.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="272"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_page.py" line="287"/>
        <source>正在发布…</source>
        <translation>Posting…</translation>
    </message>
</context>
<context>
    <name>IncidentScreen</name>
    <message>
        <location filename="../../app/views/dispatch/incident_screen.py" line="49"/>
        <source>新建事件/战役…</source>
        <translation>New incident…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_screen.py" line="53"/>
        <source>打开指挥页</source>
        <translation>Open command page</translation>
    </message>
</context>
<context>
    <name>IncidentWindow</name>
    <message>
        <location filename="../../app/views/dispatch/incident_screen.py" line="33"/>
        <source>事件指挥</source>
        <translation>Incident command</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="32"/>
        <source>漏管脱管检查：{0}</source>
        <translation>Lapse check: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="36"/>
        <source>检查情况（必填）：核查经过、原因、已采取的补救措施</source>
        <translation>Findings (required): what was checked, the cause, remedial action taken</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="38"/>
        <source>认定责任民警履职不到位，记入追责</source>
        <translation>Officer at fault: record for accountability</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="42"/>
        <source>追责说明（可选，默认同检查情况）</source>
        <translation>Accountability notes (optional; defaults to the findings)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="49"/>
        <source>保存检查结论</source>
        <translation>Save findings</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/inspection_dialog.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="153"/>
        <source>检查结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="155"/>
        <source>考核报告</source>
        <translation>Assessment report</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="191"/>
        <source>重点人员管控考核报告</source>
        <translation>Key-person supervision assessment report</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="74"/>
        <source>群众</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="79"/>
        <source>受理渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="85"/>
        <source>18位身份证号，末位可为X</source>
        <translation>18-digit ID number; last digit may be X</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="87"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="93"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="94"/>
        <location filename="../../app/views/citizen/intake_screen.py" line="400"/>
        <source>请先输入18位身份证号并点“查找”</source>
        <translation>Enter the 18-digit ID number and click &quot;Find&quot;</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="98"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="99"/>
        <source>联系手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="100"/>
        <source>接收办理进度短信；不填则用登记的手机号</source>
        <translation>Receives progress SMS; defaults to the registered number</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="101"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="103"/>
        <source>事项</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="107"/>
        <source>办理事项</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="117"/>
        <source>收到的材料</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="124"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="126"/>
        <source>保存并打印回执</source>
        <translation>Save and print receipt</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="129"/>
        <source>清空，办理下一位</source>
        <translation>Clear for next citizen</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="139"/>
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="141"/>
        <location filename="../../app/views/citizen/intake_screen.py" line="370"/>
        <source>一次性告知书</source>
        <translation>Missing-documents notice</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="198"/>
        <source>请选择</source>
        <translation>Select…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="235"/>
        <source>责任部门：{0}；办理时限：{1} 个工作日</source>
        <translation>Department: {0}; time limit: {1} working days</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="237"/>
        <source>；审批后出具《{0}》</source>
        <translation>; issues &quot;{0}&quot; after approval</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="245"/>
        <source>本事项无需提交材料</source>
        <translation>No documents required</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="267"/>
        <source>未登记的群众：请填写姓名、手机号和住址，保存时一并登记。</source>
        <translation>Citizen not registered: enter name, mobile and address; they are registered on save.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="273"/>
        <source>未登记手机号</source>
        <translation>No mobile on file</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="275"/>
        <source>已登记：{0}，{1}，{2}，{3}</source>
        <translation>Registered: {0}, {1}, {2}, {3}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="314"/>
        <source>请选择办理事项</source>
        <translation>Select a request type</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="340"/>
        <source>已登记：编号 &lt;b&gt;{0}&lt;/b&gt;，{1}，{2}。</source>
        <translation>Registered: No. &lt;b&gt;{0}&lt;/b&gt;, {1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="344"/>
        <source>&lt;br/&gt;尚缺材料：{0}。请打印《一次性告知书》交给群众。</source>
        <translation>&lt;br/&gt;Missing documents: {0}. Print the missing-documents notice for the citizen.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/intake_screen.py" line="370"/>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="84"/>
        <source>事项办理</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="90"/>
        <source>事项信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="99"/>
        <source>办理过程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="110"/>
        <location filename="../../app/views/publicity/item_dialog.py" line="105"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="147"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="151"/>
        <source>类别/渠道</source>
        <translation>Category/channel</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="154"/>
        <source>收件时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="156"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="159"/>
        <source>首接责任人</source>
        <translation>First handler</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="159"/>
        <source>（待受理）</source>
        <translation>(Awaiting acceptance)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="160"/>
        <source>承诺办结</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="161"/>
        <source>已收材料</source>
        <translation>Received docs</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="164"/>
        <source>尚缺材料</source>
        <translation>Missing docs</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="167"/>
        <source>办理用时</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="167"/>
        <source>{0} 个工作日</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="169"/>
        <source>退回原因</source>
        <translation>Rejection reason</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="171"/>
        <source>群众评价</source>
        <translation>Citizen rating</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="171"/>
        <source>{0} 分</source>
        <translation>{0} pts</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="173"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="173"/>
        <source>{0} 已审批通过</source>
        <translation>Approved by {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="194"/>
        <source>分派…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="196"/>
        <source>登记评价…</source>
        <translation>Record rating…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="200"/>
        <source>补打{0}（副本）…</source>
        <translation>Reprint {0} (copy)…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="200"/>
        <source>打印{0}</source>
        <translation>Print {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="204"/>
        <source>补打不予出具通知书（副本）…</source>
        <translation>Reprint the refusal notice (copy)…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="204"/>
        <source>打印不予出具通知书</source>
        <translation>Print the refusal notice</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="207"/>
        <source>补打回执</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="209"/>
        <location filename="../../app/views/citizen/item_dialog.py" line="307"/>
        <source>一次性告知书</source>
        <translation>Missing-documents notice</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_dialog.py" line="307"/>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="160"/>
        <source>修改草稿…</source>
        <translation>Edit draft…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="160"/>
        <source>修订（另建新版本）…</source>
        <translation>Revise (new version)…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="217"/>
        <source>第{0}版{1}，原文不能修改：保存后将另建新版本草稿，经审核批准后才能发布。</source>
        <translation>Version {0} is {1} and cannot be changed: saving creates a new draft version, which must be approved before it can be published.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="222"/>
        <source>修改 {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="239"/>
        <source>已提交审核。</source>
        <translation>Submitted for review.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="246"/>
        <source>已批准，可以发布。</source>
        <translation>Approved; ready to publish.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="254"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="255"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="270"/>
        <source>已退回修改。</source>
        <translation>Returned for changes.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="273"/>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="273"/>
        <source>审核意见（必填）：</source>
        <translation>Review notes (required):</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="283"/>
        <source>已撤回。</source>
        <translation>Withdrawn.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="286"/>
        <source>撤回 第{0}版</source>
        <translation>Withdraw version {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="286"/>
        <source>撤回原因（必填）：</source>
        <translation>Reason for withdrawal (required):</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="301"/>
        <source>比较版本</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_dialog.py" line="301"/>
        <source>这是第一个版本，没有更早的版本可比较。</source>
        <translation>This is the first version; there is no earlier version to compare.</translation>
    </message>
</context>
<context>
    <name>ItemListScreen</name>
    <message>
        <location filename="../../app/views/citizen/item_list_screen.py" line="30"/>
        <source>办理…</source>
        <translation>Process…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_list_screen.py" line="37"/>
        <source>受理…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_list_screen.py" line="68"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="36"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="39"/>
        <source>新建服务规则</source>
        <translation>New service rule</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="46"/>
        <source>新建便民措施</source>
        <translation>New convenience measure</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="53"/>
        <source>发布到渠道…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="75"/>
        <source>新建{0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/item_screen.py" line="77"/>
        <source>保存后为第1版草稿；提交审核并经领导批准后才能发布。</source>
        <translation>Saved as draft version 1. It can be published once submitted for review and approved by a leader.</translation>
    </message>
</context>
<context>
    <name>KeyPersonImportDialog</name>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="49"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>KeyPersonScreen</name>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="118"/>
        <source>档案详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="119"/>
        <source>登记走访</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="120"/>
        <source>登记事件</source>
        <translation>Log event</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="121"/>
        <source>调整等级</source>
        <translation>Set level</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="122"/>
        <source>申请撤管</source>
        <translation>Request removal</translation>
    </message>
</context>
<context>
    <name>KeypersonDashboard</name>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="46"/>
        <source>近90天每日预警（按颜色）</source>
        <translation>Daily warnings, last 90 days (by colour)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="49"/>
        <source>当前各乡镇预警人员分布（点击柱子查看名单）</source>
        <translation>Persons with warnings by town (click a bar for the list)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="52"/>
        <source>近90天高风险警报趋势</source>
        <translation>High-risk alerts, last 90 days</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="128"/>
        <source>高风险警报</source>
        <translation>High-risk alert</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="161"/>
        <source>有预警的在管人员 {0} 人，其中高风险 {1} 人；今日发出预警 {2} 条。</source>
        <translation>{0} managed persons with warnings, {1} high-risk; {2} warnings issued today.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="193"/>
        <source>{0}：{1}人员名单</source>
        <translation>{0}: persons with {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/dashboard.py" line="207"/>
        <source>{0}发出的{1}</source>
        <translation>{1} issued {0}</translation>
    </message>
</context>
<context>
    <name>KpListScreen</name>
    <message>
        <location filename="../../app/views/keyperson/kp_screen.py" line="89"/>
        <source>您没有“{0}”的权限，如需办理请联系系统管理员。</source>
        <translation>You do not have the &quot;{0}&quot; permission. Ask the administrator if you need it.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/kp_screen.py" line="91"/>
        <source>请先在列表中选中一条记录</source>
        <translation>Select a record in the list first</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/kp_screen.py" line="102"/>
        <source>{0}名单</source>
        <translation>{0} list</translation>
    </message>
</context>
<context>
    <name>LeaveScreen</name>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="101"/>
        <source>销假</source>
        <translation>Report back</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="121"/>
        <source>已销假</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>LevelOverrideDialog</name>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="36"/>
        <source>调整预警等级：{0}</source>
        <translation>Set warning level: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="40"/>
        <source>按积分自动确定（取消人工调整）</source>
        <translation>Automatic from score (cancel manual level)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="45"/>
        <source>必填：调整的依据，将记入等级变化记录和审计日志</source>
        <translation>Required: the grounds; recorded in the level history and the audit log</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="52"/>
        <source>调整为</source>
        <translation>New level</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="53"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="57"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/level_override_dialog.py" line="59"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoanScreen</name>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="133"/>
        <source>申请归还</source>
        <translation>Request return</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="142"/>
        <source>已申请归还，待保障部门确认</source>
        <translation>Return requested; awaiting confirmation by support staff</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../app/views/idle_lock.py" line="70"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../app/views/idle_lock.py" line="73"/>
        <source>{0} 已离开超过规定时间，为保护群众信息，界面已隐藏。请输入密码解锁。</source>
        <translation>{0} was away too long. Enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../app/views/idle_lock.py" line="81"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/views/idle_lock.py" line="86"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../app/views/idle_lock.py" line="89"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/views/login_dialog.py" line="27"/>
        <source>登录 - 岚皋县公安局五大平台</source>
        <translation>Log in - Langao County PSB Five Platforms</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="29"/>
        <source>岚皋县公安局“五大平台”</source>
        <translation>Langao County PSB &quot;Five Platforms&quot;</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="32"/>
        <source>宣传 · 民生警务 · 重点人员管控 · 指挥调度 · 警务保障</source>
        <translation>Publicity · Citizen Services · Key Persons · Dispatch · Support</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="40"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="41"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="46"/>
        <location filename="../../app/views/login_dialog.py" line="73"/>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="52"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="53"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="68"/>
        <source>正在连接数据库……</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="85"/>
        <source>请输入用户名和密码。</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="87"/>
        <source>正在验证……</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="62"/>
        <source>受理编号、18位身份证号或11位手机号；也可扫描回执上的二维码</source>
        <translation>Request no., 18-digit ID or 11-digit mobile; or scan the receipt QR code</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="65"/>
        <source>窗口查询</source>
        <translation>At counter</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="66"/>
        <source>电话查询</source>
        <translation>By phone</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="67"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="84"/>
        <source>证明核验</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="87"/>
        <source>证明编号，或扫描证明上的二维码</source>
        <translation>Certificate no., or scan its QR code</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="90"/>
        <source>校验码，如 7K3F-9QXM</source>
        <translation>Check code, e.g. 7K3F-9QXM</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="91"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="144"/>
        <source>今日已查询 {0} 次</source>
        <translation>{0} lookups today</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="146"/>
        <source>没有找到相关事项。</source>
        <translation>No matching requests.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="151"/>
        <source>尚缺：{0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="155"/>
        <source>承诺日期为暂定（节假日安排未公布）</source>
        <translation>Due date is provisional (holidays not yet published)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="198"/>
        <source>真实有效：{0}《{1}》，{2}（{3}），{4} 出具，已打印 {5} 次。</source>
        <translation>Genuine: {0} &quot;{1}&quot;, {2} ({3}), issued {4}, printed {5} times.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/lookup_screen.py" line="204"/>
        <source>核验不通过：证明编号与校验码不符，或本局未出具该证明。</source>
        <translation>Not verified: the number and check code do not match, or this bureau did not issue the certificate.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="45"/>
        <source>岚皋县公安局五大平台</source>
        <translation>Langao County PSB Five Platforms</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="76"/>
        <source>您的角色（{0}）不使用五大平台的业务功能。</source>
        <translation>Your role ({0}) does not use the platforms&apos; business functions.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="77"/>
        <location filename="../../app/views/main_window.py" line="201"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="80"/>
        <source>
请从菜单“系统 → 审计日志”查阅审计记录。</source>
        <translation>
Open the audit log from the menu &quot;System → Audit log&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="82"/>
        <source>
如需使用，请联系系统管理员分配角色。</source>
        <translation>
If you need access, ask the administrator to assign a role.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="129"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="130"/>
        <source>打印当前列表(&amp;P)…</source>
        <translation>&amp;Print current list…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="133"/>
        <source>导出Excel(&amp;E)…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="135"/>
        <source>注销(&amp;L)</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="137"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="146"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="147"/>
        <source>用户与角色管理(&amp;U)…</source>
        <translation>&amp;Users and roles…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="150"/>
        <source>审计日志(&amp;A)…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="153"/>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="156"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="158"/>
        <source>动态验证码(&amp;T)…</source>
        <translation>One-time &amp;code…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="161"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="163"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="175"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="176"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="199"/>
        <source>用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="186"/>
        <source>数据库：{0} {1}</source>
        <translation>Database: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="188"/>
        <location filename="../../app/views/main_window.py" line="208"/>
        <source>● 已连接</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="211"/>
        <source>● 连接中断，正在重连…</source>
        <translation>● Connection lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="220"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="220"/>
        <source>当前页面没有可打印或导出的列表。</source>
        <translation>This page has no list to print or export.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="263"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="263"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="299"/>
        <source>您的角色或权限已由管理员调整，界面已更新。</source>
        <translation>An administrator changed your roles or permissions; the window has been updated.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="305"/>
        <source>账号已停用</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="305"/>
        <source>您的账号已被停用或删除，请联系系统管理员。</source>
        <translation>Your account was disabled or deleted. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="317"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="318"/>
        <source>岚皋县公安局“五大平台”后台管理系统
版本 0.1

日志文件：{0}
数据库：{1}</source>
        <translation>Langao County PSB &quot;Five Platforms&quot; back office
Version 0.1

Log file: {0}
Database: {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="354"/>
        <source>密码不正确。</source>
        <translation>Incorrect password.</translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="55"/>
        <source>保存本角色</source>
        <translation>Save role</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="57"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="68"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="69"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="77"/>
        <source>请假超过</source>
        <translation>Leave over</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="79"/>
        <source>须在单位负责人之后再由局领导审批</source>
        <translation>needs a bureau leader&apos;s approval after the unit head&apos;s</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="85"/>
        <source>勾选即授权；灰色格表示该功能没有审批环节。修改保存后立即生效，已登录的用户无需重新登录。</source>
        <translation>Tick to grant; grey cells mean the function has no approval step. Changes apply as soon as they are saved; logged-in users need not log in again.</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="189"/>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="223"/>
        <source>已保存，立即生效。</source>
        <translation>Saved; in effect now.</translation>
    </message>
    <message>
        <location filename="../../app/views/support/matrix_editor.py" line="235"/>
        <source>已保存：请假超过 {0} 天须局领导审批。</source>
        <translation>Saved: leave over {0} days needs a bureau leader&apos;s approval.</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../app/views/dispatch/media_player.py" line="64"/>
        <location filename="../../app/views/dispatch/media_player.py" line="119"/>
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/media_player.py" line="66"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/media_player.py" line="119"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>MyDutyBar</name>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="36"/>
        <source>备注（如巡逻路线、去向）</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="38"/>
        <source>更新我的状态</source>
        <translation>Update my status</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="74"/>
        <source>我的勤务状态：{0}</source>
        <translation>My duty status: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="76"/>
        <source>（已 {0}）</source>
        <translation>(for {0})</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="78"/>
        <source>  事件：{0}</source>
        <translation>  Incident: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/my_duty_bar.py" line="80"/>
        <source>  {0}至 {1}</source>
        <translation>  {0} until {1}</translation>
    </message>
</context>
<context>
    <name>MyNotices</name>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="48"/>
        <source>投票</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="50"/>
        <source>查看结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="60"/>
        <source>通知公告（加粗为未读）</source>
        <translation>Notices (unread in bold)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="62"/>
        <source>意见征集</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="127"/>
        <source>（已投票）</source>
        <translation>(voted)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="128"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../app/views/support/my_notices.py" line="128"/>
        <source>实名</source>
        <translation>Named</translation>
    </message>
</context>
<context>
    <name>NoticeScreen</name>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="31"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="34"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="36"/>
        <source>阅读情况</source>
        <translation>Read status</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="40"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="44"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>OfficerPicker</name>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="46"/>
        <source>调派民警</source>
        <translation>Dispatch officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="50"/>
        <source>按姓名、单位或警号筛选</source>
        <translation>Filter by name, unit or badge no.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="56"/>
        <source>调派</source>
        <translation>Dispatch</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../app/views/common/entity_form_dialog.py" line="66"/>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>OrderComposeDialog</name>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="67"/>
        <source>下达警令</source>
        <translation>Issue order</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="85"/>
        <source>要求在此时间前签收</source>
        <translation>Acknowledge by this time</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="94"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="100"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="101"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="102"/>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="104"/>
        <source>全体民警</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="109"/>
        <source>按姓名或警号筛选民警</source>
        <translation>Filter officers by name or badge no.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="115"/>
        <source>接收人</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="119"/>
        <source>按单位</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="122"/>
        <source>指定民警</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="134"/>
        <source>添加附件…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="135"/>
        <source>移除所选</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="136"/>
        <source>附件（图片、音频、视频、文档）</source>
        <translation>Attachments (images, audio, video, documents)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="146"/>
        <source>下达</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="148"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="224"/>
        <source>将下达给：{0}，共 {1} 人</source>
        <translation>To: {0} ({1} officers)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="226"/>
        <source>尚未选择接收人</source>
        <translation>No recipients selected</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="233"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="236"/>
        <source>图片、音频、视频和文档 (*.jpg *.jpeg *.png *.gif *.bmp *.wav *.mp3 *.m4a *.aac *.amr *.ogg *.mp4 *.mov *.3gp *.avi *.mkv *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.txt);;所有文件 (*)</source>
        <translation>Images, audio, video and documents (*.jpg *.jpeg *.png *.gif *.bmp *.wav *.mp3 *.m4a *.aac *.amr *.ogg *.mp4 *.mov *.3gp *.avi *.mkv *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="251"/>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_compose_dialog.py" line="283"/>
        <source>正在下达警令…</source>
        <translation>Issuing order…</translation>
    </message>
</context>
<context>
    <name>OrderConsole</name>
    <message>
        <location filename="../../app/views/dispatch/order_console.py" line="40"/>
        <source>下达警令…</source>
        <translation>Issue order…</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="34"/>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="89"/>
        <source>签收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="54"/>
        <source>请在左侧选择一条警令</source>
        <translation>Select an order on the left</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="66"/>
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="69"/>
        <source>编号：{0}&#x3000;紧急程度：&lt;span style=&apos;color:{1}; font-weight:bold&apos;&gt;{2}&lt;/span&gt;&#x3000;下达人：{3}&#x3000;下达时间：{4}&#x3000;签收时限：{5}</source>
        <translation>No.: {0}  Priority: &lt;span style=&apos;color:{1}; font-weight:bold&apos;&gt;{2}&lt;/span&gt;  Issued by: {3}  Issued: {4}  Ack. by: {5}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="82"/>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="84"/>
        <source>您已于 {0} 签收。</source>
        <translation>You acknowledged on {0}.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="92"/>
        <source>已超过签收时限，请立即签收。</source>
        <translation>Past the deadline: acknowledge now.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_detail_view.py" line="92"/>
        <source>请阅读后点击“签收”。</source>
        <translation>Read it, then click &quot;Acknowledge&quot;.</translation>
    </message>
</context>
<context>
    <name>OrderInbox</name>
    <message>
        <location filename="../../app/views/dispatch/order_inbox.py" line="53"/>
        <source>只看未签收</source>
        <translation>Unacknowledged only</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_inbox.py" line="57"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_inbox.py" line="130"/>
        <source>共 {0} 条，未签收 {1} 条</source>
        <translation>{0} orders, {1} unacknowledged</translation>
    </message>
</context>
<context>
    <name>OrderTrackingPanel</name>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="53"/>
        <source>只看未签收</source>
        <translation>Unacknowledged only</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="70"/>
        <source>催签全部未签收人员</source>
        <translation>Remind all pending</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="72"/>
        <source>催签所选</source>
        <translation>Remind selected</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="73"/>
        <source>打印签收名单</source>
        <translation>Print roster</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="75"/>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="233"/>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="235"/>
        <source>结束警令</source>
        <translation>Close order</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="107"/>
        <source>请在上方列表中选择一条警令，查看签收情况</source>
        <translation>Select an order in the list above to see who has acknowledged it</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="141"/>
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="143"/>
        <source>紧急程度：{0}&#x3000;下达人：{1}&#x3000;下达时间：{2}&#x3000;签收时限：{3}
接收范围：{4}</source>
        <translation>Priority: {0}  Issued by: {1}  Issued: {2}  Ack. by: {3}
Recipients: {4}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="152"/>
        <source>完成率 {0}%（已签收 {1}/{2}）</source>
        <translation>{0}% done ({1}/{2} acknowledged)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="160"/>
        <source>已接收 {0} 人 · 已阅 {1} 人 · 已签收 {2} 人 · 未签收 {3} 人</source>
        <translation>Received {0} · Read {1} · Acknowledged {2} · Pending {3}</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="164"/>
        <source>&#x3000;全部签收，无一遗漏</source>
        <translation>  All acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="187"/>
        <source>请先选中未签收的人员</source>
        <translation>Select unacknowledged recipients first</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="196"/>
        <source>已向 {0} 人发出催签提醒</source>
        <translation>Reminder sent to {0} officers</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="215"/>
        <source>警令签收名单</source>
        <translation>Order acknowledgement roster</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/order_tracking_panel.py" line="234"/>
        <source>结束“{0}”后不再催签和上报，迟到的签收仍会记录。确定结束吗？</source>
        <translation>After closing &quot;{0}&quot; there are no more reminders or escalations; late acknowledgements are still recorded. Close it?</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="68"/>
        <source>审批中的请假</source>
        <translation>Leave pending approval</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="69"/>
        <source>下一次已批准的请假</source>
        <translation>Next approved leave</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="70"/>
        <source>可调休余额（小时）</source>
        <translation>Time off balance (hours)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="71"/>
        <source>今年培训学时</source>
        <translation>Training hours this year</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="72"/>
        <source>未读通知</source>
        <translation>Unread notices</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="73"/>
        <source>待参与的意见征集</source>
        <translation>Open surveys</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="79"/>
        <source>我的人事档案</source>
        <translation>My personnel file</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="106"/>
        <source>{0}，您好（{1}）</source>
        <translation>Hello, {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="106"/>
        <source>未分配单位</source>
        <translation>No unit</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="109"/>
        <location filename="../../app/views/support/self_service_page.py" line="112"/>
        <source>无权查看</source>
        <translation>No access</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="120"/>
        <source>尚无人事档案，或无权查看。请与警务保障室联系。</source>
        <translation>No personnel file yet, or no access to it. Contact the support office.</translation>
    </message>
</context>
<context>
    <name>OwnSecondFactorDialog</name>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="37"/>
        <source>动态验证码（双因素登录）</source>
        <translation>One-time code (two-factor login)</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="42"/>
        <source>设置动态验证码…</source>
        <translation>Set up a one-time code…</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="44"/>
        <source>重新生成恢复码…</source>
        <translation>New recovery codes…</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="46"/>
        <source>停用</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="49"/>
        <source>重新生成恢复码</source>
        <translation>New recovery codes</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="50"/>
        <source>停用动态验证码</source>
        <translation>Switch off the one-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="57"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="72"/>
        <source>已启用：登录时需输入手机验证器上的动态验证码。剩余恢复码 {0} 个。</source>
        <translation>Enabled: login asks for the one-time code from the phone&apos;s authenticator. {0} recovery codes left.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="76"/>
        <source>未启用：登录只需密码。</source>
        <translation>Not enabled: login needs only the password.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="78"/>
        <source>您的角色要求使用动态验证码。</source>
        <translation>Your role requires a one-time code.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="96"/>
        <source>6 位数字</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="99"/>
        <source>确认启用</source>
        <translation>Confirm and enable</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="126"/>
        <source>请输入验证器上当前的 6 位动态验证码（或一个恢复码）：</source>
        <translation>Enter the current 6-digit code from the authenticator (or a recovery code):</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="130"/>
        <source>打印预览 - {0}</source>
        <translation>Print preview - {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="140"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="141"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="144"/>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="145"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="147"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="148"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="149"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="150"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="151"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="181"/>
        <source>无法显示该PDF文件</source>
        <translation>Cannot display this PDF file</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="249"/>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="259"/>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="270"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="258"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="258"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="270"/>
        <source>无法连接打印机，请检查打印机是否开启并重试。</source>
        <translation>Cannot reach the printer. Check that it is switched on and try again.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="280"/>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="293"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="280"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/pdf_preview_dialog.py" line="293"/>
        <source>无法保存文件：{0}</source>
        <translation>Cannot save the file: {0}</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../app/views/publicity/period_bar.py" line="50"/>
        <source>统计</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/period_bar.py" line="54"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>PersonDetailDialog</name>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="87"/>
        <source>重点人员档案</source>
        <translation>Key person file</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="90"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="349"/>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="95"/>
        <source>上传照片</source>
        <translation>Upload photo</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="110"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="110"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="130"/>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="110"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="125"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="112"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="112"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="254"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="112"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="112"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="116"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="128"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="139"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="117"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="118"/>
        <source>联系上</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="119"/>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="120"/>
        <source>走访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="121"/>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="125"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="125"/>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="125"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="129"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="131"/>
        <source>原因类别</source>
        <translation>Reason type</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="132"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="140"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="133"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="144"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="149"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="141"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="142"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="143"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="149"/>
        <source>发出时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="149"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="149"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="149"/>
        <source>处置时限</source>
        <translation>Handle by</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="155"/>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="390"/>
        <source>添加管控人</source>
        <translation>Add keeper</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="156"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="157"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="173"/>
        <source>积分构成</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="174"/>
        <source>一人四管</source>
        <translation>Four keepers</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="175"/>
        <source>走访签到</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="176"/>
        <source>风险事件</source>
        <translation>Risk events</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="177"/>
        <source>等级变化</source>
        <translation>Level history</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="178"/>
        <source>预警</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="179"/>
        <source>变更历史</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="181"/>
        <source>登记走访</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="185"/>
        <source>登记事件</source>
        <translation>Log event</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="189"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="242"/>
        <source>重点人员档案：{0}</source>
        <translation>Key person file: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="247"/>
        <source>（人工调整：{0}）</source>
        <translation>(manual: {0})</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="248"/>
        <source>{0}&#x3000;{1} 分</source>
        <translation>{0}  {1} pts</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="255"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="256"/>
        <source>别名绰号</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="258"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="261"/>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="263"/>
        <source>责任单位/民警/领导</source>
        <translation>Responsible unit/officer/leader</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="266"/>
        <source>管控状态</source>
        <translation>Control status</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="268"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="269"/>
        <source>下次应走访 {0}；最近走访 {1}；最近联系上 {2}</source>
        <translation>Next visit due {0}; last visit {1}; last reached {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="282"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="286"/>
        <source>⚠ 一人四管不全，缺：{0}</source>
        <translation>⚠ Keeper team incomplete, missing: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="355"/>
        <source>选择照片</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="355"/>
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="414"/>
        <source>编辑管控人：{0}</source>
        <translation>Edit keeper: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="425"/>
        <source>删除管控人</source>
        <translation>Delete keeper</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_detail_dialog.py" line="426"/>
        <source>确定删除管控人“{0}”（{1}）吗？</source>
        <translation>Delete keeper &quot;{0}&quot; ({1})?</translation>
    </message>
</context>
<context>
    <name>PlatformPage</name>
    <message>
        <location filename="../../app/views/platform_page.py" line="52"/>
        <source>平台概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../app/views/platform_page.py" line="84"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/views/platform_page.py" line="87"/>
        <source>以下功能尚未在本版本中开通：{0}。</source>
        <translation>Not yet available in this version: {0}.</translation>
    </message>
    <message>
        <location filename="../../app/views/platform_page.py" line="93"/>
        <source>您的角色没有打开本平台任何功能的权限；如需使用，请联系系统管理员。</source>
        <translation>Your role has no access to any function of this platform. Ask the administrator if you need it.</translation>
    </message>
</context>
<context>
    <name>PollScreen</name>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="81"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="84"/>
        <source>结束征集</source>
        <translation>Close survey</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="86"/>
        <source>查看结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="90"/>
        <source>已发布，开始征集</source>
        <translation>Published; the survey is open</translation>
    </message>
    <message>
        <location filename="../../app/views/support/notice_screens.py" line="94"/>
        <source>已结束征集</source>
        <translation>Survey closed</translation>
    </message>
</context>
<context>
    <name>PublicFiguresScreen</name>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="111"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="113"/>
        <source>预览宣传单</source>
        <translation>Preview flyer</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="115"/>
        <source>登记发布</source>
        <translation>Record publication</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="120"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="122"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="163"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="194"/>
        <source>共 {0} 字，手机报上限 {1} 字</source>
        <translation>{0} chars; mobile news limit {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="197"/>
        <source>共 {0} 字</source>
        <translation>{0} chars</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="224"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="232"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/public_figures_screen.py" line="245"/>
        <source>已登记发布：{0}</source>
        <translation>Publication recorded: {0}</translation>
    </message>
</context>
<context>
    <name>PublicityListScreen</name>
    <message>
        <location filename="../../app/views/publicity/list_screen.py" line="66"/>
        <source>您没有“{0}”的权限，如需办理请联系系统管理员。</source>
        <translation>You do not have the &quot;{0}&quot; permission. Ask the administrator if you need it.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/list_screen.py" line="68"/>
        <source>请先在列表中选中一条记录</source>
        <translation>Select a record in the list first</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="142"/>
        <source>登记评价</source>
        <translation>Record rating</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="160"/>
        <source>群众意见（差评请记录原因）</source>
        <translation>Citizen&apos;s comment (give the reason for a poor rating)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="161"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="162"/>
        <source>评价方式</source>
        <translation>Rated via</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="163"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="164"/>
        <source>2 分及以下为差评，将生成回访任务。</source>
        <translation>2 points or less is a poor rating and creates a follow-up task.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="166"/>
        <source>保存评价</source>
        <translation>Save rating</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="178"/>
        <source>补打证明</source>
        <translation>Reprint certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="180"/>
        <source>该证明已打印过，再次打印将标明“副本”并记入审计日志。请说明补打原因：</source>
        <translation>This certificate has already been printed. A reprint is marked &quot;Copy&quot; and recorded in the audit log. Reason for reprinting:</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="186"/>
        <source>打印副本</source>
        <translation>Print copy</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="140"/>
        <source>阅读情况：{0}</source>
        <translation>Read status: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="151"/>
        <source>已读 {0} 人</source>
        <translation>Read: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="152"/>
        <source>未读 {0} 人</source>
        <translation>Unread: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="154"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecoveryCodesDialog</name>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="222"/>
        <source>恢复码</source>
        <translation>Recovery codes</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="225"/>
        <source>以下 {0} 个恢复码只显示这一次。请抄写或打印后妥善保管（不要存在手机上）。手机丢失或更换时，每个恢复码可代替动态验证码登录一次。</source>
        <translation>These {0} recovery codes are shown only this once. Write them down or print them and keep them safe (not on the phone). If the phone is lost or replaced, each code replaces the one-time code for one login.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="236"/>
        <source>已记下</source>
        <translation>Noted</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="72"/>
        <location filename="../../app/views/publicity/release_dialog.py" line="134"/>
        <source>登记发布</source>
        <translation>Record publication</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="81"/>
        <source>选中全部现行</source>
        <translation>Select all current</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="83"/>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="90"/>
        <source>已批准或现行的版本（只有经审核批准的版本才能发布）</source>
        <translation>Approved or current versions (only approved versions can be published)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="106"/>
        <source>默认按所选内容生成</source>
        <translation>Generated from the selection by default</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="115"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="116"/>
        <source>发布日期</source>
        <translation>Published on</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="117"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="119"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="128"/>
        <source>重新生成稿件</source>
        <translation>Regenerate text</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="130"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="132"/>
        <source>预览宣传单</source>
        <translation>Preview flyer</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="137"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="143"/>
        <source>稿件（手机报和电视稿可直接修改）</source>
        <translation>Text (mobile news and TV scripts can be edited here)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="245"/>
        <source>共 {0} 字，手机报上限 {1} 字</source>
        <translation>{0} chars; mobile news limit {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="246"/>
        <source>（超出 {0} 字）</source>
        <translation>({0} over)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="250"/>
        <source>共 {0} 字</source>
        <translation>{0} chars</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="289"/>
        <source>宣传单</source>
        <translation>Flyer</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="297"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_dialog.py" line="307"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
</context>
<context>
    <name>ReleaseScreen</name>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="70"/>
        <source>登记覆盖数量…</source>
        <translation>Record reach…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="73"/>
        <source>登记发布…</source>
        <translation>Record publication…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="78"/>
        <source>查看稿件</source>
        <translation>View text</translation>
    </message>
</context>
<context>
    <name>ReleaseTextDialog</name>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="34"/>
        <source>（宣传单不保存正文，可按所列版本重新生成）</source>
        <translation>(Flyer text is not stored; it can be regenerated from the versions listed)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="36"/>
        <source>——所发布的版本——</source>
        <translation>-- Versions published --</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="41"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="43"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/release_screen.py" line="54"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>RemovalApprovalDialog</name>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="74"/>
        <source>撤管审批</source>
        <translation>Removal approval</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="82"/>
        <source>审批意见（必填）</source>
        <translation>Decision notes (required)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="88"/>
        <source>批准撤管</source>
        <translation>Approve removal</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="90"/>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="92"/>
        <source>打印审批表</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="95"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="101"/>
        <source>审批意见</source>
        <translation>Decision notes</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="129"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;申请人：{1}&#x3000;申请时间：{2}&lt;br&gt;&lt;b&gt;撤管理由：&lt;/b&gt;{3}&lt;br&gt;&lt;b&gt;证明材料：&lt;/b&gt;&lt;br&gt;{4}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  Requested by: {1}  On: {2}&lt;br&gt;&lt;b&gt;Reason for removal:&lt;/b&gt; {3}&lt;br&gt;&lt;b&gt;Supporting documents:&lt;/b&gt;&lt;br&gt;{4}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="138"/>
        <source>&lt;br&gt;&lt;b&gt;{0}&lt;/b&gt;：{1}（{2}，{3}）</source>
        <translation>&lt;br&gt;&lt;b&gt;{0}&lt;/b&gt;: {1} ({2}, {3})</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="154"/>
        <source>不能审批本人提出的申请</source>
        <translation>You cannot approve your own request</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="156"/>
        <source>您没有“审批撤管”的权限</source>
        <translation>You do not have the &quot;Approve removal&quot; permission</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="159"/>
        <source>这是您本人提出的申请，须由另一名有审批权限的领导审批。</source>
        <translation>You made this request; another leader with approval rights must decide it.</translation>
    </message>
</context>
<context>
    <name>RemovalRequestDialog</name>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="37"/>
        <source>申请撤管：{0}</source>
        <translation>Request removal: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="40"/>
        <source>撤管须由具有审批权限的另一名领导审批；有未处置的高风险警报时不能申请。</source>
        <translation>Removal must be approved by another leader with approval rights. It cannot be requested while a high-risk alert is open.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="46"/>
        <source>撤管理由（必填）：如矫正期满、刑满释放已满规定年限、病情稳定等</source>
        <translation>Reason (required): e.g. community correction ended, required years since release passed, condition stable</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="49"/>
        <source>已提交的证明材料（至少一项）</source>
        <translation>Documents submitted (at least one)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="62"/>
        <source>提交申请</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="64"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_request_dialog.py" line="69"/>
        <source>撤管理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RemovalScreen</name>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="105"/>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="106"/>
        <source>打印审批表</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="107"/>
        <source>撤回申请</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="145"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>RequestScreen</name>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="39"/>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="44"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="45"/>
        <source>打印审批表</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="77"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>RequiredRolesDialog</name>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="163"/>
        <source>要求动态验证码的角色</source>
        <translation>Roles that require a one-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="167"/>
        <source>勾选的角色，其成员登录时除密码外还须输入手机验证器上的动态验证码；尚未设置的成员在下次登录时按提示设置。</source>
        <translation>Members of the ticked roles must enter the one-time code from their phone&apos;s authenticator as well as the password; members who have not set it up are guided through it at their next login.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="183"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="184"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="27"/>
        <source>数据库文件已损坏</source>
        <translation>Database file damaged</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="29"/>
        <source>数据库文件已损坏，不能继续使用。</source>
        <translation>The database file is damaged and cannot be used.</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="31"/>
        <source>文件：{0}
SQLite 报告：{1}</source>
        <translation>File: {0}
SQLite reports: {1}</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="35"/>
        <source>可以从下面的备份中选一个恢复（默认选中最新的；恢复前核对校验值，损坏的文件会保留在旁边），或者退出程序并联系系统管理员。备份之后录入的数据需要重新录入。</source>
        <translation>Choose a backup below to restore (the newest is selected; its checksum is verified first and the damaged file is kept beside it), or quit and contact the administrator. Data entered after the backup must be entered again.</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="41"/>
        <source>备份文件夹 {0} 中没有找到备份。</source>
        <translation>No backups found in the backup folder {0}.</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="44"/>
        <source>恢复所选备份</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="47"/>
        <source>选择其他备份文件…</source>
        <translation>Choose another backup file…</translation>
    </message>
    <message>
        <location filename="../../app/views/restore_offer_dialog.py" line="49"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="96"/>
        <source>征集结果</source>
        <translation>Survey results</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="100"/>
        <source>{0}（{1}，{2}，共 {3} 人参与）</source>
        <translation>{0} ({1}, {2}, {3} participants)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="103"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="103"/>
        <source>实名</source>
        <translation>Named</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="111"/>
        <source>各选项票数</source>
        <translation>Votes per option</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="113"/>
        <source>票数</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="119"/>
        <source>{0}：{1} 票</source>
        <translation>{0}: {1} votes</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="126"/>
        <source>实名投票明细：</source>
        <translation>Named votes:</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="129"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="155"/>
        <location filename="../../app/views/support/function_screens.py" line="169"/>
        <source>销假</source>
        <translation>Report back</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="171"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/support/function_screens.py" line="175"/>
        <source>返岗日期（当天起恢复在岗）：</source>
        <translation>Back at work on (on duty from that day):</translation>
    </message>
</context>
<context>
    <name>RulesScreen</name>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="38"/>
        <source>每次漏管加分</source>
        <translation>Points per missed visit</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="39"/>
        <source>漏管计分期限（天）</source>
        <translation>Missed-visit scoring window (days)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="40"/>
        <source>脱管加分</source>
        <translation>Points for lost contact</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="41"/>
        <source>走访逾期多少天认定脱管</source>
        <translation>Days overdue before a person counts as lost</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="42"/>
        <source>逾期预警最多升级次数</source>
        <translation>Maximum escalations of an overdue warning</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="66"/>
        <location filename="../../app/views/keyperson/rules_screen.py" line="74"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="66"/>
        <source>事件</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="66"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="66"/>
        <source>衰减天数（0为不衰减）</source>
        <translation>Decay days (0 = none)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="70"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="70"/>
        <source>起始分值</source>
        <translation>From score</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="70"/>
        <location filename="../../app/views/keyperson/rules_screen.py" line="73"/>
        <source>走访间隔（天）</source>
        <translation>Visit interval (days)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="70"/>
        <source>处置时限（小时）</source>
        <translation>Handling limit (hours)</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="73"/>
        <source>危险性评估</source>
        <translation>Risk grade</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="73"/>
        <source>加分</source>
        <translation>Points added</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="74"/>
        <source>管控人角色</source>
        <translation>Keeper roles</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="75"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="75"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="79"/>
        <source>保存规则</source>
        <translation>Save rules</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="83"/>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="90"/>
        <source>风险事件规则</source>
        <translation>Risk event rules</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="91"/>
        <source>预警等级：分值阈值、走访周期和处置时限</source>
        <translation>Warning levels: thresholds, visit intervals and handling limits</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="92"/>
        <source>严重精神障碍患者：国家危险性评估等级</source>
        <translation>Severe mental illness: national risk grades</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="93"/>
        <source>一人四管：管控人角色</source>
        <translation>Four keepers: keeper roles</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="94"/>
        <source>漏管、脱管和预警升级</source>
        <translation>Missed and lost supervision, warning escalation</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="110"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="111"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="188"/>
        <source>修改后点击“保存规则”；所有在管人员将在下次定时任务时按新规则重新评分。</source>
        <translation>Click &quot;Save rules&quot; after editing; everyone under supervision is rescored at the next sweep.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/rules_screen.py" line="243"/>
        <source>规则已保存，在管人员将按新规则重新评分。</source>
        <translation>Rules saved; persons under supervision will be rescored.</translation>
    </message>
</context>
<context>
    <name>SecondFactor</name>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="207"/>
        <location filename="../../app/views/second_factor_settings.py" line="218"/>
        <source>重置动态验证码</source>
        <translation>Reset one-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="208"/>
        <source>清除 {0} 的动态验证码和恢复码？其角色要求时，该用户下次登录须重新设置。</source>
        <translation>Clear the one-time code and recovery codes of {0}? If their role requires it, they must set it up again at next login.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_settings.py" line="219"/>
        <source>已清除 {0} 的动态验证码。</source>
        <translation>The one-time code of {0} was cleared.</translation>
    </message>
</context>
<context>
    <name>SecondFactorDialog</name>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="127"/>
        <source>动态验证码</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="134"/>
        <source>6 位数字</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="144"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="145"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="152"/>
        <source>请打开手机上的验证器，输入“{0}”当前显示的 6 位动态验证码。手机不在身边时，可输入一个恢复码。</source>
        <translation>Open the authenticator on your phone and enter the 6-digit code it shows for &quot;{0}&quot;. Without the phone, enter a recovery code.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="155"/>
        <source>6 位数字，或恢复码</source>
        <translation>6 digits, or a recovery code</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="157"/>
        <source>您的角色要求登录时使用动态验证码。请先设置（只需一次）：</source>
        <translation>Your role requires a one-time code at login. Set it up first (only once):</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="175"/>
        <source>请输入验证码。</source>
        <translation>Please enter the code.</translation>
    </message>
    <message>
        <location filename="../../app/views/second_factor_dialog.py" line="179"/>
        <source>正在验证……</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>SelfServicePage</name>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="141"/>
        <source>我的概况</source>
        <translation>My overview</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="142"/>
        <source>我的请假</source>
        <translation>My leave</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="143"/>
        <source>加班与调休</source>
        <translation>Overtime and time off</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="144"/>
        <source>我的报销</source>
        <translation>My expenses</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="145"/>
        <source>我的培训</source>
        <translation>My training</translation>
    </message>
    <message>
        <location filename="../../app/views/support/self_service_page.py" line="146"/>
        <source>通知与征集</source>
        <translation>Notices and surveys</translation>
    </message>
</context>
<context>
    <name>ServiceFormDialog</name>
    <message>
        <location filename="../../app/views/keyperson/service_form_dialog.py" line="51"/>
        <source>请按红色提示修改后再保存。</source>
        <translation>Fix the fields marked in red, then save.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="24"/>
        <source>命令行参数</source>
        <translation>command line</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="25"/>
        <source>环境变量 JINGWU_DB_URL</source>
        <translation>environment variable JINGWU_DB_URL</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="26"/>
        <source>本机设置</source>
        <translation>this computer&apos;s settings</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="27"/>
        <source>默认内置数据库</source>
        <translation>built-in default database</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="36"/>
        <location filename="../../app/views/settings_dialog.py" line="95"/>
        <location filename="../../app/views/settings_dialog.py" line="104"/>
        <location filename="../../app/views/settings_dialog.py" line="107"/>
        <location filename="../../app/views/settings_dialog.py" line="111"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="42"/>
        <source>留空使用本机内置数据库：{0}</source>
        <translation>Leave empty for the built-in local database: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="45"/>
        <source>当前使用：{0}（来自{1}）</source>
        <translation>In use: {0} (from {1})</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="51"/>
        <source>加密连接并验证服务器证书（sslmode=verify-full）</source>
        <translation>Encrypt the connection and verify the server certificate (sslmode=verify-full)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="56"/>
        <source>本局证书颁发机构（CA）证书文件，例如 C:\jingwu\ca.crt</source>
        <translation>The bureau&apos;s certificate authority (CA) file, e.g. C:\jingwu\ca.crt</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="63"/>
        <source>留空自动查找宋体/仿宋（Windows 的 simsun.ttc）</source>
        <translation>Leave empty to find SimSun/FangSong automatically (simsun.ttc on Windows)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="65"/>
        <source>数据库地址</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="67"/>
        <source>PostgreSQL 加密</source>
        <translation>PostgreSQL encryption</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="68"/>
        <source>CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="69"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="70"/>
        <source>打印字体文件</source>
        <translation>Print font file</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="73"/>
        <source>数据库和语言的修改在重新启动程序后生效。多台工作站共用时请填写 PostgreSQL 地址，不要在地址中保存密码。</source>
        <translation>Database and language changes take effect after a restart. For a database shared by several workstations, enter a PostgreSQL URL; do not put the password in the URL.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="80"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="81"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="95"/>
        <source>数据库地址应以 sqlite:/// 或 postgresql+psycopg:// 开头。</source>
        <translation>The database URL must start with sqlite:/// or postgresql+psycopg://.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="104"/>
        <source>数据库地址格式不正确。</source>
        <translation>The database URL is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="107"/>
        <source>不要在数据库地址中保存密码。</source>
        <translation>Do not put the password in the database URL.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="111"/>
        <source>验证服务器证书需要填写 CA 证书文件。</source>
        <translation>Verifying the server certificate needs a CA certificate file.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="42"/>
        <source>发布单位</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="44"/>
        <source>办事大厅</source>
        <translation>Service hall</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="44"/>
        <source>如：县政务服务中心公安窗口</source>
        <translation>e.g. police counter, county service centre</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="46"/>
        <source>咨询电话</source>
        <translation>Enquiries phone</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="47"/>
        <source>网站地址</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="50"/>
        <source>手机报字数上限</source>
        <translation>Mobile news length limit</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="51"/>
        <source>手机报署名</source>
        <translation>Mobile news signature</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="55"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="55"/>
        <source>受理窗口（留空则用“办事大厅（部门）”）</source>
        <translation>Counter (empty: &quot;service hall (department)&quot;)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="63"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="71"/>
        <source>各部门受理窗口（办事指南中的“受理窗口”）</source>
        <translation>Counters by department (the &quot;counter&quot; in service guides)</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="126"/>
        <source>已保存，所有工作站立即生效。</source>
        <translation>Saved; in effect on all workstations now.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/settings_screen.py" line="132"/>
        <source>请按提示修改后再保存。</source>
        <translation>Correct the input as indicated, then save.</translation>
    </message>
</context>
<context>
    <name>SmsTemplatesScreen</name>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="44"/>
        <source>可用占位符：{0}。留空表示该环节不发短信。字数含短信签名，70字以内为1条，超过按67字一条计费。</source>
        <translation>Placeholders: {0}. Leave empty to send no SMS at that step. The length includes the signature: up to 70 characters is 1 message, longer texts are billed per 67 characters.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="69"/>
        <source>保存模板</source>
        <translation>Save templates</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="71"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="107"/>
        <source>不发短信</source>
        <translation>No SMS</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="115"/>
        <source>示例：{0}（{1} 字，{2} 条）</source>
        <translation>Example: {0} ({1} chars, {2} SMS)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="131"/>
        <source>已保存，新的短信按此模板发送。</source>
        <translation>Saved. New SMS messages use these templates.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sms_templates_screen.py" line="138"/>
        <source>有模板不符合要求，未保存。</source>
        <translation>Some templates are invalid; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="42"/>
        <source>按{0}</source>
        <translation>By {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="49"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="52"/>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="131"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="55"/>
        <source>统计在管（含脱管）人员；按管控状态统计时含已撤管。</source>
        <translation>Counts managed persons (including lost contact); by control status also counts removed persons.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="58"/>
        <source>统计方式</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/statistics_screen.py" line="131"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="64"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="105"/>
        <source>统计</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="107"/>
        <source>打印报表</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="114"/>
        <source>统计期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="116"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="178"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="196"/>
        <source>无权查看</source>
        <translation>No access</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="198"/>
        <source>本期无数据</source>
        <translation>No data for this period</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="200"/>
        <source>另有 {0} 项合计为“其他”，明细见打印报表</source>
        <translation>{0} more are summed as &quot;Other&quot;; see the printed report for details</translation>
    </message>
    <message>
        <location filename="../../app/views/support/statistics_screen.py" line="219"/>
        <source>警务保障统计报表</source>
        <translation>Officer Support statistics</translation>
    </message>
</context>
<context>
    <name>SupportScreen</name>
    <message>
        <location filename="../../app/views/support/support_screen.py" line="115"/>
        <source>您没有“{0}”的权限，如需办理请联系系统管理员。</source>
        <translation>You do not have the &quot;{0}&quot; permission. Ask the administrator if you need it.</translation>
    </message>
    <message>
        <location filename="../../app/views/support/support_screen.py" line="117"/>
        <source>请先在列表中选中一条记录</source>
        <translation>Select a record in the list first</translation>
    </message>
    <message>
        <location filename="../../app/views/support/support_screen.py" line="119"/>
        <source>所选记录当前状态下不能办理此项</source>
        <translation>Not possible for the selected record in its current status</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="86"/>
        <source>布置任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="94"/>
        <source>（暂不指定）</source>
        <translation>(None yet)</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="99"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="100"/>
        <source>要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="101"/>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/incident_dialogs.py" line="104"/>
        <source>布置</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="49"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="50"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="57"/>
        <source>回放</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="96"/>
        <source>第 {0}/{1} 步：{2}</source>
        <translation>Step {0}/{1}: {2}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="97"/>
        <source>状态 {0}</source>
        <translation>Status {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="100"/>
        <source>部门 {0}</source>
        <translation>Dept. {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="101"/>
        <source>民警 {0}</source>
        <translation>Officer {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="101"/>
        <source>未分派</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="103"/>
        <source>承诺办结 {0}</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/timeline_widget.py" line="105"/>
        <source>暂停计时（补正材料）</source>
        <translation>Clock paused (missing documents)</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="80"/>
        <source>其他需补正的材料（多项用顿号分隔）</source>
        <translation>Other missing documents (separate with commas)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="84"/>
        <source>原因（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="84"/>
        <source>说明（可不填）</source>
        <translation>Notes (optional)</translation>
    </message>
</context>
<context>
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="31"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="32"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="33"/>
        <source>警号</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="34"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="35"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="36"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="45"/>
        <source>用户与角色管理</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="56"/>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="57"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="58"/>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="135"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="59"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="60"/>
        <source>重置动态验证码</source>
        <translation>Reset one-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="61"/>
        <source>动态验证码角色…</source>
        <translation>One-time code roles…</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="68"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="88"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="88"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="88"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="90"/>
        <source>（待改密）</source>
        <translation> (must change password)</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="97"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="112"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="112"/>
        <source>请先选择一个用户。</source>
        <translation>Select a user first.</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="135"/>
        <source>为 {0} 生成新的临时密码？</source>
        <translation>Generate a new temporary password for {0}?</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="195"/>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="195"/>
        <source>编辑用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="198"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="199"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="200"/>
        <source>警号</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="201"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="202"/>
        <source>账号启用</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="204"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="231"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="232"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VersionFormDialog</name>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="67"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="70"/>
        <source>每段一行；将原样出现在网页、宣传单和电视稿中</source>
        <translation>One paragraph per line; appears as written on the website, flyers and TV scripts</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="71"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="76"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="78"/>
        <source>施行日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="79"/>
        <source>长期有效</source>
        <translation>No end date</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="87"/>
        <source>截止日期</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="92"/>
        <source>修订说明</source>
        <translation>Revision notes</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="92"/>
        <source>如：增加周六开放</source>
        <translation>e.g. now open on Saturdays</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="99"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="101"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/version_form_dialog.py" line="125"/>
        <source>{0} / {1} 字</source>
        <translation>{0} / {1} chars</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="38"/>
        <source>参与意见征集</source>
        <translation>Take part in survey</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="64"/>
        <source>补充意见（实名征集可填）</source>
        <translation>Further comments (named surveys only)</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="68"/>
        <source>投票</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../app/views/support/poll_dialogs.py" line="71"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WarningScreen</name>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="62"/>
        <source>签收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="63"/>
        <source>处置</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="72"/>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="83"/>
        <source>处置预警</source>
        <translation>Handle warning</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="84"/>
        <source>处置情况（必填，如核查结果、采取的稳控措施）：</source>
        <translation>Action taken (required, e.g. findings, stabilising measures):</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="86"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="87"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/work_screens.py" line="92"/>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
</context>
<context>
    <name>_DateRange</name>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="30"/>
        <location filename="../../app/views/common/filter_bar.py" line="31"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../app/views/common/filter_bar.py" line="38"/>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app/views/application.py" line="36"/>
        <source>岚皋县公安局五大平台</source>
        <translation>Langao County PSB Five Platforms</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="90"/>
        <location filename="../../app/views/session_flow.py" line="92"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="170"/>
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../../app/views/admin/user_admin_dialog.py" line="172"/>
        <source>用户 {0} 的临时密码（只显示这一次，首次登录时必须修改）：</source>
        <translation>Temporary password for {0} (shown only once; must be changed at first login):</translation>
    </message>
    <message>
        <location filename="../../app/views/common/error_hook.py" line="36"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../app/views/common/error_hook.py" line="38"/>
        <source>程序遇到意外错误。您的数据已安全保存到上一次成功保存时的状态。</source>
        <translation>The program hit an unexpected error. Your data is safe as of the last successful save.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/error_hook.py" line="43"/>
        <source>请把下面的详细信息复制给系统管理员。日志文件位于：{0}</source>
        <translation>Copy the details below to the administrator. Log file: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/run_op.py" line="147"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/run_op.py" line="269"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/views/session_flow.py" line="238"/>
        <source>演示账号</source>
        <translation>Demo accounts</translation>
    </message>
    <message>
        <location filename="../../app/views/session_flow.py" line="240"/>
        <source>演示数据已载入。以下账号的临时密码只显示这一次，请立即记下；首次登录时必须修改密码。</source>
        <translation>Demo data loaded. The temporary passwords below are shown only once: note them now. Each must be changed at first login.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="51"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dispatch</name>
    <message>
        <location filename="../../app/models/dispatch_attachment.py" line="29"/>
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_attachment.py" line="30"/>
        <source>音频</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_attachment.py" line="31"/>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_attachment.py" line="32"/>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_duty.py" line="28"/>
        <source>在岗</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_duty.py" line="29"/>
        <source>备勤</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_duty.py" line="30"/>
        <source>巡逻</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_duty.py" line="31"/>
        <source>出警/现场</source>
        <translation>Responding</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_duty.py" line="32"/>
        <source>休假/离岗</source>
        <translation>Leave/away</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="22"/>
        <source>事件</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="23"/>
        <source>集群战役</source>
        <translation>Joint operation</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="27"/>
        <source>刑事案件</source>
        <translation>Criminal case</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="28"/>
        <source>治安案件</source>
        <translation>Public order case</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="29"/>
        <source>交通事故</source>
        <translation>Traffic accident</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="30"/>
        <source>火灾</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="31"/>
        <source>自然灾害</source>
        <translation>Natural disaster</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="32"/>
        <source>群体性事件</source>
        <translation>Mass incident</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="33"/>
        <source>求助救援</source>
        <translation>Rescue</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="34"/>
        <source>专项行动</source>
        <translation>Special operation</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="35"/>
        <source>安保任务</source>
        <translation>Security detail</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="36"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="41"/>
        <source>一般（Ⅳ级）</source>
        <translation>Minor (IV)</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="42"/>
        <source>较大（Ⅲ级）</source>
        <translation>Serious (III)</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="43"/>
        <source>重大（Ⅱ级）</source>
        <translation>Major (II)</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="44"/>
        <source>特别重大（Ⅰ级）</source>
        <translation>Critical (I)</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="50"/>
        <source>处置中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="51"/>
        <location filename="../../app/models/dispatch_order.py" line="56"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="59"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="60"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="61"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="62"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="70"/>
        <source>进展反馈</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="71"/>
        <source>指挥指令</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_incident.py" line="72"/>
        <source>系统记录</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="42"/>
        <source>警令</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="43"/>
        <source>通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="47"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="48"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="49"/>
        <source>特急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_order.py" line="55"/>
        <source>执行中</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>entity</name>
    <message>
        <location filename="../../app/services/citizens.py" line="174"/>
        <source>群众信息</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="179"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="191"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="202"/>
        <location filename="../../app/services/citizens.py" line="274"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="212"/>
        <location filename="../../app/services/citizens.py" line="276"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="222"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="231"/>
        <location filename="../../app/services/citizens.py" line="275"/>
        <source>乡镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="240"/>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="250"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="257"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/services/citizens.py" line="272"/>
        <source>姓名、拼音、首字母、身份证号或手机号</source>
        <translation>Name, pinyin, initials, ID number or phone</translation>
    </message>
</context>
<context>
    <name>keyperson</name>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="92"/>
        <source>无预警</source>
        <translation>No warning</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="93"/>
        <source>蓝色预警</source>
        <translation>Blue warning</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="94"/>
        <source>黄色预警</source>
        <translation>Yellow warning</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="95"/>
        <source>橙色预警</source>
        <translation>Orange warning</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="96"/>
        <source>高风险警报</source>
        <translation>High-risk alert</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="113"/>
        <source>在管</source>
        <translation>Managed</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="114"/>
        <source>脱管</source>
        <translation>Lost contact</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="115"/>
        <source>已撤管</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="126"/>
        <source>上门走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="127"/>
        <source>电话核查</source>
        <translation>Phone check</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="128"/>
        <source>视频签到</source>
        <translation>Video check-in</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="129"/>
        <source>到所报到</source>
        <translation>Station check-in</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="139"/>
        <source>待签收</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="140"/>
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="141"/>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="142"/>
        <source>已升级</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="151"/>
        <source>待审批</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="152"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="153"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="154"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="160"/>
        <source>漏管（走访逾期）</source>
        <translation>Missed (visit overdue)</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="161"/>
        <source>脱管（失去联系）</source>
        <translation>Lost contact</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="166"/>
        <source>待检查</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="167"/>
        <source>已检查</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../app/core/messages.py" line="21"/>
        <source>操作失败：{detail}</source>
        <translation>The operation failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="22"/>
        <source>输入有误，请按提示修改后再保存。</source>
        <translation>Some input is invalid. Correct it as indicated, then save.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="23"/>
        <source>您没有“{action}”的权限。如需办理，请联系系统管理员分配角色。</source>
        <translation>You do not have the &quot;{action}&quot; permission. Ask the administrator to assign a role if you need it.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="26"/>
        <source>未找到该{entity}，可能已被其他工作站删除。</source>
        <translation>This {entity} was not found; it may have been deleted at another workstation.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="27"/>
        <source>该{entity}已被{by}于{at}修改，您看到的是旧数据。请重新载入后再修改，您的改动未保存。</source>
        <translation>This {entity} was changed by {by} at {at}; you are looking at old data. Reload and edit again. Your changes were not saved.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="30"/>
        <source>用户名或密码不正确。</source>
        <translation>Incorrect username or password.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="31"/>
        <source>该账号因连续多次密码错误已被锁定，请联系系统管理员解锁。</source>
        <translation>This account is locked after too many wrong passwords. Ask the administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="34"/>
        <source>该账号已停用，请联系系统管理员。</source>
        <translation>This account is disabled. Contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="35"/>
        <source>密码至少需要 {min} 个字符，当前只有 {length} 个。</source>
        <translation>The password needs at least {min} characters; it has {length}.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="36"/>
        <source>密码不能包含用户名。</source>
        <translation>The password must not contain the username.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="37"/>
        <source>密码过于简单（{reason}），请换一个。</source>
        <translation>The password is too simple ({reason}). Choose another.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="38"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="39"/>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="40"/>
        <source>用户名“{username}”已被使用。</source>
        <translation>The username &quot;{username}&quot; is already taken.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="41"/>
        <source>系统中已有管理员，首次启动向导不能再次使用。</source>
        <translation>An administrator already exists; the first-start wizard cannot be used again.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="42"/>
        <location filename="../../app/services/support_errors.py" line="15"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="43"/>
        <source>数据库结构版本（{db}）比本程序（{app}）旧。请由管理员先运行“python main.py db upgrade”升级数据库。</source>
        <translation>The database schema ({db}) is older than this program ({app}). An administrator must first run &quot;python main.py db upgrade&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="47"/>
        <source>数据库结构版本（{db}）比本程序（{app}）新，请先把本工作站升级到最新版本的程序。</source>
        <translation>The database schema ({db}) is newer than this program ({app}). Update this workstation to the latest version first.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="50"/>
        <source>数据库尚未初始化。请运行“python main.py db upgrade”，或在首次启动时由程序自动创建。</source>
        <translation>The database is not initialised. Run &quot;python main.py db upgrade&quot;, or let the program create it at first start.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="53"/>
        <source>数据库结构版本“{db}”不属于本程序，无法打开。</source>
        <translation>The database schema version &quot;{db}&quot; does not belong to this program and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="54"/>
        <source>审计记录写入失败，本次操作已撤销：{detail}</source>
        <translation>Could not write the audit record; the operation was rolled back: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="55"/>
        <source>操作已取消。</source>
        <translation>Operation cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="56"/>
        <source>{field}“{value}”已存在，不能重复登记。</source>
        <translation>{field} &quot;{value}&quot; already exists and cannot be registered twice.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="57"/>
        <source>该{entity}仍被其他记录使用，不能删除。</source>
        <translation>This {entity} is still used by other records and cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="58"/>
        <source>文件中没有可导入的数据行。</source>
        <translation>The file has no data rows to import.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="59"/>
        <source>在文件前 {rows} 行中找不到表头（需要包含“{columns}”）。</source>
        <translation>No header found in the first {rows} rows (it must contain &quot;{columns}&quot;).</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="62"/>
        <source>无法读取文件“{name}”：{detail}</source>
        <translation>Cannot read the file &quot;{name}&quot;: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="63"/>
        <source>找不到可嵌入的中文字体。请安装宋体/仿宋（Windows 自带 simsun.ttc）或在设置中指定字体文件。</source>
        <translation>No embeddable Chinese font found. Install SimSun/FangSong (Windows ships simsun.ttc) or set a font file in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="67"/>
        <source>不能审批本人提出的申请。</source>
        <translation>You cannot approve your own request.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="68"/>
        <source>当前状态“{state}”下不能执行“{action}”。</source>
        <translation>&quot;{action}&quot; is not possible in status &quot;{state}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="69"/>
        <source>至少需要为用户分配一个角色。</source>
        <translation>Assign at least one role to the user.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="70"/>
        <source>不能停用或撤销最后一个系统管理员。</source>
        <translation>The last administrator cannot be disabled or removed.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="71"/>
        <source>系统管理员与审计员职责分离，同一账号不能同时担任两者。</source>
        <translation>Administrator and auditor duties are separated; one account cannot hold both roles.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="74"/>
        <source>无法连接数据库：{detail}</source>
        <translation>Cannot connect to the database: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="76"/>
        <source>短信内容不能为空。</source>
        <translation>The SMS text must not be empty.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="77"/>
        <source>短信连同签名共 {length} 个字，超过了 {max} 个字的上限，请删减后再发送。</source>
        <translation>The SMS with its signature has {length} characters, over the limit of {max}. Shorten it before sending.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="80"/>
        <source>短信签名“{signature}”不符合要求：应为 3 至 8 个字、含有汉字，并用【】括起。</source>
        <translation>The SMS signature &quot;{signature}&quot; is invalid: it must be 3 to 8 characters, contain Chinese characters, and be enclosed in 【】.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="83"/>
        <source>短信模板需要“{name}”一项，但没有提供它的内容。</source>
        <translation>The SMS template needs &quot;{name}&quot;, but no value was given.</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="84"/>
        <source>短信模板格式有误：{detail}</source>
        <translation>Invalid SMS template: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="85"/>
        <source>短信网关设置有误：{detail}</source>
        <translation>Invalid SMS gateway settings: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="86"/>
        <source>设置“{key}”的值无法保存：{detail}</source>
        <translation>Cannot save the value of setting &quot;{key}&quot;: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="87"/>
        <source>站内消息有误：{detail}</source>
        <translation>Invalid internal message: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/core/messages.py" line="88"/>
        <source>没有名为“{name}”的定时任务。可用的任务：{known}</source>
        <translation>No scheduled job named &quot;{name}&quot;. Available jobs: {known}</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="9"/>
        <source>没有选择接收人：请选择全体民警、至少一个单位或至少一名民警。</source>
        <translation>No recipients: choose all officers, at least one unit, or at least one officer.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="12"/>
        <source>所选范围内没有可以接收警令的民警（{scope}），警令未下达。</source>
        <translation>No officer in the selected scope can receive orders ({scope}); the order was not issued.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="15"/>
        <source>“{name}”不能接收警令（账号已停用或没有接收警令的权限），警令未下达。</source>
        <translation>&quot;{name}&quot; cannot receive orders (account disabled or no permission); the order was not issued.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="18"/>
        <source>警令内容有误：{detail}</source>
        <translation>Invalid order: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="19"/>
        <source>您已于 {at} 签收过这条警令，无需重复签收。</source>
        <translation>You already acknowledged this order on {at}.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="22"/>
        <source>这条警令不是下达给您的。</source>
        <translation>This order was not issued to you.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="23"/>
        <source>警令“{title}”已结束，不能再{action}。</source>
        <translation>Order &quot;{title}&quot; is closed; you can no longer {action}.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="24"/>
        <source>所有接收人都已签收，无需催签。</source>
        <translation>All recipients have acknowledged; no reminder needed.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="25"/>
        <source>附件“{name}”大小为 {size}，超过了 {limit} 的上限。请压缩或剪辑后再上传，警令未保存。</source>
        <translation>Attachment &quot;{name}&quot; is {size}, over the {limit} limit. Compress or trim it and upload again; the order was not saved.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="29"/>
        <source>附件“{name}”无法识别（{reason}）。可上传图片（jpg、png、gif、bmp）、音频（wav、mp3、m4a、amr、ogg）、视频（mp4、mov、avi、3gp、mkv）或文档（pdf、doc、docx、xls、xlsx、ppt、pptx、wps、txt）。</source>
        <translation>Attachment &quot;{name}&quot; is not recognised ({reason}). You can upload images (jpg, png, gif, bmp), audio (wav, mp3, m4a, amr, ogg), video (mp4, mov, avi, 3gp, mkv) or documents (pdf, doc, docx, xls, xlsx, ppt, pptx, wps, txt).</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="34"/>
        <source>无法读取附件“{name}”：{detail}</source>
        <translation>Cannot read attachment &quot;{name}&quot;: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="35"/>
        <source>一次最多上传 {max} 个附件，当前选择了 {count} 个。</source>
        <translation>At most {max} attachments at a time; {count} selected.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="38"/>
        <source>事件信息有误：{detail}</source>
        <translation>Invalid incident details: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="39"/>
        <source>事件“{title}”已于 {at} 结束，时间线已封存，不能再{action}。</source>
        <translation>Incident &quot;{title}&quot; was closed on {at}; its timeline is sealed and you can no longer {action}.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="42"/>
        <source>{names} 正在休假/离岗（{reasons}）。确需调派，请确认后再次调派，系统将记录“休假期间坚持调派”。</source>
        <translation>{names}: on leave or away ({reasons}). To dispatch anyway, confirm and dispatch again; this is recorded as &quot;dispatched during leave&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="46"/>
        <source>事件还有 {count} 项任务未完成（{titles}）。确需结束，请确认后再次结束，未完成的任务将记入时间线。</source>
        <translation>The incident has {count} open tasks ({titles}). To close anyway, confirm and close again; open tasks are recorded in the timeline.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="50"/>
        <source>您没有参与事件“{title}”，不能查看或反馈。</source>
        <translation>You are not assigned to incident &quot;{title}&quot; and cannot view or update it.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="53"/>
        <location filename="../../app/services/item_records.py" line="50"/>
        <source>请填写{what}。</source>
        <translation>Enter {what}.</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="54"/>
        <source>勤务状态有误：{detail}</source>
        <translation>Invalid duty status: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/dispatch_errors.py" line="55"/>
        <source>离岗记录有误：{detail}</source>
        <translation>Invalid absence record: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="24"/>
        <source>走访时间不能晚于现在（{at}）。</source>
        <translation>The visit time cannot be in the future ({at}).</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="25"/>
        <source>事件日期不能晚于今天。</source>
        <translation>The event date cannot be after today.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="26"/>
        <source>没有名为“{kind}”的风险事件规则。</source>
        <translation>No risk event rule named &quot;{kind}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="27"/>
        <source>{name}已撤管，不能再{action}。如需重新列管，请按身份证号重新登记（原档案和历史记录保留）。</source>
        <translation>{name} has been removed from supervision and cannot be given a {action}. To supervise again, register the ID number again (the file and its history are kept).</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="31"/>
        <source>{name}目前有未处置的高风险警报（{level}），不能申请撤管。请先处置警报。</source>
        <translation>{name} has an open high-risk alert ({level}); removal cannot be requested. Handle the alert first.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="34"/>
        <source>{name}已有一份待审批的撤管申请（{at}由{by}提出），不能重复申请。</source>
        <translation>{name} already has a pending removal request (made on {at} by {by}).</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="37"/>
        <source>该撤管申请已由{by}于{at}{decision}，不能再次审批。</source>
        <translation>This removal request was already decided by {by} on {at} ({decision}).</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="40"/>
        <source>请填写撤管理由。</source>
        <translation>Enter the reason for removal.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="41"/>
        <source>请填写审批意见。</source>
        <translation>Enter the decision notes.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="42"/>
        <source>撤管须至少附一项证明材料，请在材料清单中勾选已提交的材料。</source>
        <translation>Removal needs at least one supporting document: tick the documents submitted.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="45"/>
        <source>人工调整预警等级必须填写理由。</source>
        <translation>A manual warning level needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="46"/>
        <source>该预警已{state}，不能再{action}。{hint}</source>
        <translation>This warning is already {state}; you can no longer {action}. {hint}</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="47"/>
        <source>请填写处置情况。</source>
        <translation>Enter the action taken.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="48"/>
        <source>{name}的“{role}”已由{keeper}担任，请编辑该管控人而不是重复添加。</source>
        <translation>{keeper} is already &quot;{role}&quot; for {name}: edit that keeper instead of adding another.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="51"/>
        <source>没有名为“{role}”的管控人角色。</source>
        <translation>No keeper role named &quot;{role}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="52"/>
        <source>照片有 {size} KB，超过了 {max} KB 的上限。请压缩后再上传。</source>
        <translation>The photo is {size} KB, over the {max} KB limit. Compress it and upload again.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="55"/>
        <source>只能上传 JPEG 或 PNG 格式的照片。</source>
        <translation>Only JPEG or PNG photos can be uploaded.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="56"/>
        <source>该检查任务已由{by}于{at}完成，不能重复检查。</source>
        <translation>This check was already completed by {by} on {at}.</translation>
    </message>
    <message>
        <location filename="../../app/services/keyperson_common.py" line="57"/>
        <source>请填写检查情况。</source>
        <translation>Enter the findings.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="22"/>
        <source>“{title}”第{no}版尚未审核批准（当前状态：{state}），不能发布。只有经审核批准的版本才能发布。</source>
        <translation>Version {no} of &quot;{title}&quot; is not approved (status: {state}) and cannot be published. Only approved versions can be published.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="26"/>
        <source>不能审批本人起草或修改过的稿件（“{title}”第{no}版），请由其他有审批权限的领导审批。</source>
        <translation>You cannot approve a draft you wrote or edited (&quot;{title}&quot;, version {no}). Another leader with approval rights must approve it.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="30"/>
        <source>“{title}”第{no}版{state}，内容不能修改。{hint}</source>
        <translation>Version {no} of &quot;{title}&quot; is {state}; its content cannot be changed. {hint}</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="31"/>
        <source>“{title}”已有第{no}版（{state}）正在办理，请在该版本上继续，不能再另建新版本。</source>
        <translation>&quot;{title}&quot; already has version {no} in progress ({state}). Continue with that version; a new version cannot be started.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="34"/>
        <source>{channel}稿件共 {length} 字，超过了{channel} {max} 字的上限，未发布。请减少所选条目或删减文字后再发布。</source>
        <translation>The {channel} text has {length} characters, over the {channel} limit of {max}; not published. Select fewer items or shorten the text, then publish again.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="38"/>
        <source>请至少选择一条已审核批准的服务规则或便民措施。</source>
        <translation>Select at least one approved service rule or convenience measure.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="39"/>
        <source>{channel}稿件内容为空，不能发布。</source>
        <translation>The {channel} text is empty and cannot be published.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="40"/>
        <source>未知的发布渠道“{channel}”。</source>
        <translation>Unknown publication channel &quot;{channel}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="33"/>
        <source>事项当前为“{state}”，不能“{action}”。{hint}</source>
        <translation>The request is &quot;{state}&quot;; &quot;{action}&quot; is not possible. {hint}</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="34"/>
        <source>“{item}”须经审批领导审批，审批通过即办结；不能直接办结。</source>
        <translation>&quot;{item}&quot; must be approved by a supervisor; approval completes it. It cannot be completed directly.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="37"/>
        <source>“{item}”尚未经审批领导审批通过，不能打印证明。</source>
        <translation>&quot;{item}&quot; has not been approved by a supervisor; the certificate cannot be printed.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="40"/>
        <source>您经办过“{item}”（收件、受理、审核或补正），不能再审批本事项；请由其他审批领导审批。</source>
        <translation>You handled &quot;{item}&quot; (receipt, acceptance, review or supplement) and cannot approve it; another approver must decide.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="43"/>
        <source>只有“无犯罪记录证明”在查有犯罪记录时才“不予出具”；“{item}”请用“不予受理/退回”。</source>
        <translation>Only a no-criminal-record certificate is &quot;refused&quot; when a record is found; for &quot;{item}&quot; use &quot;Reject/return&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="46"/>
        <source>“{item}”没有经审批领导作出“不予出具”的决定，不能打印不予出具通知书。</source>
        <translation>No approver has decided to refuse &quot;{item}&quot;: the refusal notice cannot be printed.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="49"/>
        <source>“{item}”不出具证明。</source>
        <translation>&quot;{item}&quot; issues no certificate.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="51"/>
        <source>民警{officer}不属于{unit}，不能分派给他。</source>
        <translation>Officer {officer} is not in {unit} and cannot be assigned.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="52"/>
        <source>找不到该民警，或其账号已停用。</source>
        <translation>Officer not found, or the account is disabled.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="53"/>
        <source>评价应为 1 至 5 分，收到的是“{score}”。</source>
        <translation>A rating must be 1 to 5 points; got &quot;{score}&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="54"/>
        <source>事项尚未办结（当前为“{state}”），还不能评价。</source>
        <translation>The request is not finished yet (status &quot;{state}&quot;) and cannot be rated.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="57"/>
        <source>该事项已评价过（{score} 分），每个事项只能评价一次。</source>
        <translation>This request was already rated ({score} points); each request can be rated once.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="60"/>
        <source>事项“{item}”已停用，不能受理。</source>
        <translation>Request type &quot;{item}&quot; is disabled and cannot be accepted.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="61"/>
        <source>请勾选尚缺的材料，一次告知群众需要补正的全部材料。</source>
        <translation>Tick the missing documents: tell the citizen everything that is missing at once.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="64"/>
        <source>无法读取网上申报文件“{name}”：{detail}</source>
        <translation>Cannot read the online application file &quot;{name}&quot;: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="65"/>
        <source>该回访已于{at}由{by}登记结果，不能重复登记。</source>
        <translation>This follow-up was already recorded by {by} on {at}.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="68"/>
        <source>身份证号有误：{detail}</source>
        <translation>Invalid ID number: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="69"/>
        <source>请输入完整的受理编号、18位身份证号或11位手机号。</source>
        <translation>Enter a full request no., 18-digit ID number or 11-digit mobile number.</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="72"/>
        <location filename="../../app/services/publicity_common.py" line="41"/>
        <source>统计期间有误：{detail}</source>
        <translation>Invalid statistics period: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/item_records.py" line="73"/>
        <source>年份应在 2000 至 2100 之间。</source>
        <translation>The year must be between 2000 and 2100.</translation>
    </message>
    <message>
        <location filename="../../app/services/publicity_common.py" line="42"/>
        <source>请选择两个不同的版本进行比较。</source>
        <translation>Select two different versions to compare.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="9"/>
        <source>您没有查看“{function}”的权限（本人、本单位或全部均未授权），请联系系统管理员。</source>
        <translation>You may not view &quot;{function}&quot; (not even your own or your unit&apos;s records). Contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="12"/>
        <source>您在“{function}”中只能办理{scope}的事项，{name}不在此范围内。</source>
        <translation>In &quot;{function}&quot; you can only handle {scope} records; {name} is outside that scope.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="16"/>
        <source>该{entity}当前为“{state}”，不能再修改或删除；如需变更请走撤回或销假等流程。</source>
        <translation>This {entity} is &quot;{state}&quot; and can no longer be edited or deleted. To change it, withdraw it or report back from leave.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="19"/>
        <source>{name}在 {start} 至 {end} 已有{kind}（{state}），与本次请假时间重叠，请调整日期。</source>
        <translation>{name} already has {kind} ({state}) from {start} to {end}, overlapping this leave. Change the dates.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="22"/>
        <source>调休 {days} 天需要 {need} 小时，{name}的可调休余额只有 {balance} 小时。</source>
        <translation>{days} days off need {need} hours; {name} has only {balance} hours of time off left.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="25"/>
        <source>该请假共 {days} 天，超过 {limit} 天，须由局领导审批；您没有全局审批权限。</source>
        <translation>This leave is {days} days, more than {limit}: a bureau leader must approve it. You do not have bureau-wide approval rights.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="28"/>
        <source>局领导审批须由另一人办理：您已签署过本单位意见。</source>
        <translation>The bureau leader&apos;s approval must come from someone else: you already signed the unit&apos;s opinion.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="31"/>
        <source>销假日期应在请假开始日期（{start}）与今天（{today}）之间。</source>
        <translation>The return date must be between the start of the leave ({start}) and today ({today}).</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="34"/>
        <source>{name}在 {day} 请了{kind}（{state}），不能安排值班，请先调整请假或另选民警。</source>
        <translation>{name} has {kind} ({state}) on {day} and cannot be put on duty. Change the leave or choose another officer.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="37"/>
        <source>装备“{name}”（{code}）已发放给{holder}，尚未归还，不能再次发放。</source>
        <translation>Equipment &quot;{name}&quot; ({code}) is issued to {holder} and not yet returned; it cannot be issued again.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="40"/>
        <source>装备“{name}”（{code}）当前为“{state}”，不能发放。</source>
        <translation>Equipment &quot;{name}&quot; ({code}) is &quot;{state}&quot; and cannot be issued.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="43"/>
        <source>车辆 {plate} 在 {start} 至 {end} 已被{name}预约（{state}），与本次用车时间冲突。</source>
        <translation>Vehicle {plate} is booked by {name} from {start} to {end} ({state}), which clashes with this booking.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="46"/>
        <source>车辆 {plate} 当前为“{state}”，不能预约。</source>
        <translation>Vehicle {plate} is &quot;{state}&quot; and cannot be booked.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="49"/>
        <source>您已参加过本次意见征集，每人只能投一次。</source>
        <translation>You have already taken part in this survey; each person can vote once.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="50"/>
        <source>意见征集“{title}”{state}，不能投票。</source>
        <translation>Survey &quot;{title}&quot; is {state}; voting is not possible.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="51"/>
        <source>该{entity}不面向您所在的单位。</source>
        <translation>This {entity} is not addressed to your unit.</translation>
    </message>
    <message>
        <location filename="../../app/services/support_errors.py" line="52"/>
        <source>请选择本次意见征集中的一个选项。</source>
        <translation>Choose one of the survey options.</translation>
    </message>
    <message>
        <location filename="../../app/models/db.py" line="39"/>
        <source>与数据库的连接中断，本次操作未完成。已填写的内容仍保留，请待状态栏显示“已连接”后再试一次。</source>
        <translation>The connection to the database was lost and this operation was not completed. What you entered is kept: try again when the status bar shows &quot;Connected&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/models/db.py" line="43"/>
        <source>数据库正忙（其他工作站正在保存同一批数据），本次操作未保存，请稍后再试一次。</source>
        <translation>The database is busy (another workstation is saving the same data): this operation was not saved. Please try again shortly.</translation>
    </message>
    <message>
        <location filename="../../app/models/db.py" line="44"/>
        <source>数据库所在的磁盘已满，本次操作未保存，原有数据不受影响。请联系系统管理员释放磁盘空间后再试。</source>
        <translation>The database&apos;s disk is full: this operation was not saved and existing data is unaffected. Ask the administrator to free disk space, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/models/db.py" line="47"/>
        <source>读写数据库文件出错，本次操作未保存，原有数据不受影响。请联系系统管理员检查磁盘。</source>
        <translation>Error reading or writing the database file: this operation was not saved and existing data is unaffected. Ask the administrator to check the disk.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="37"/>
        <source>备份文件“{file}”的校验值不符（文件已损坏或被改动），已拒绝恢复，数据库保持原样。</source>
        <translation>The checksum of backup &quot;{file}&quot; does not match (damaged or altered): restore refused, the database is unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="40"/>
        <source>找不到备份文件“{file}”的校验清单（{manifest}），无法确认备份完好，已拒绝恢复。</source>
        <translation>The manifest of backup &quot;{file}&quot; ({manifest}) is missing, so the backup cannot be verified: restore refused.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="43"/>
        <source>找不到备份文件“{file}”。</source>
        <translation>Backup file &quot;{file}&quot; not found.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="44"/>
        <source>这是 {backup} 数据库的备份，不能恢复到 {target} 数据库。</source>
        <translation>This is a backup of a {backup} database and cannot be restored into a {target} database.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="47"/>
        <source>备份来自更新版本的程序（结构版本 {revisions}），请先升级本程序再恢复。</source>
        <translation>The backup comes from a newer version of the program (schema {revisions}): upgrade this program before restoring.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="50"/>
        <source>恢复后核对不一致：{detail}。已放弃本次恢复，数据库保持原样。</source>
        <translation>The check after restoring failed: {detail}. The restore was abandoned and the database is unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="53"/>
        <source>备份或恢复失败：{detail}</source>
        <translation>Backup or restore failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="54"/>
        <source>找不到 PostgreSQL 客户端程序 {tool}，请安装 PostgreSQL 客户端（postgresql-client）。</source>
        <translation>The PostgreSQL client program {tool} was not found: install the PostgreSQL client (postgresql-client).</translation>
    </message>
    <message>
        <location filename="../../app/services/db_health.py" line="22"/>
        <source>数据库文件“{path}”已损坏（{detail}），不能继续使用。可以从备份恢复。</source>
        <translation>The database file &quot;{path}&quot; is damaged ({detail}) and cannot be used. It can be restored from a backup.</translation>
    </message>
    <message>
        <location filename="../../app/services/pg_security/login.py" line="42"/>
        <source>该账号已停用或已锁定，数据库拒绝登录。请联系系统管理员。</source>
        <translation>This account is disabled or locked and the database refuses the login. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/services/pg_security/provision.py" line="25"/>
        <source>只有 PostgreSQL 数据库需要配置数据库权限（当前是 {backend}）。</source>
        <translation>Only a PostgreSQL database needs database permissions provisioned (this one is {backend}).</translation>
    </message>
    <message>
        <location filename="../../app/services/pg_security/provision.py" line="28"/>
        <source>当前连接的数据库账号 {role} 不能创建角色或不是数据表的所有者。请用执行 db upgrade 的账号运行 db provision。</source>
        <translation>The connected database account {role} cannot create roles or does not own the tables. Run db provision with the account that ran db upgrade.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="39"/>
        <source>请输入手机验证器上的动态验证码。</source>
        <translation>Enter the one-time code from your phone&apos;s authenticator.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="40"/>
        <source>动态验证码或恢复码不正确。</source>
        <translation>The one-time code or recovery code is not correct.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="41"/>
        <source>这个动态验证码刚刚已经用过，请等验证器显示下一个验证码后再输入。</source>
        <translation>This code was just used: wait for the authenticator to show the next one.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="44"/>
        <source>验证已超时，请重新输入用户名和密码。</source>
        <translation>The check timed out: enter your user name and password again.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="45"/>
        <source>该账号尚未设置动态验证码。</source>
        <translation>This account has no one-time code set up.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="46"/>
        <source>该账号已设置动态验证码。如需更换手机，请联系系统管理员重置。</source>
        <translation>This account already has a one-time code. To change phones, ask the administrator to reset it.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="49"/>
        <source>您的角色要求使用动态验证码，不能自行停用。</source>
        <translation>Your role requires a one-time code: you cannot switch it off.</translation>
    </message>
    <message>
        <location filename="../../app/services/second_factor.py" line="52"/>
        <source>动态验证码的密钥无法读取（可能被改动或密钥配置不同），请用恢复码登录或联系系统管理员重置。</source>
        <translation>The one-time code&apos;s secret cannot be read (altered, or a different key is configured). Log in with a recovery code or ask an administrator to reset it.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="71"/>
        <source>登记走访签到：{0}</source>
        <translation>Log visit: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="85"/>
        <source>登记风险事件：{0}</source>
        <translation>Log risk event: {0}</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="96"/>
        <source>预警等级由{0}变为{1}。</source>
        <translation>Warning level changed from {0} to {1}.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="100"/>
        <source>已向管控人和责任领导推送预警（站内消息 {0} 条，短信 {1} 条）。</source>
        <translation>Warning sent to keepers and the responsible leader ({0} messages, {1} SMS).</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/person_screen.py" line="103"/>
        <source>预警等级变化</source>
        <translation>Warning level changed</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/removal_approval_dialog.py" line="54"/>
        <source>撤管审批表</source>
        <translation>Removal approval form</translation>
    </message>
</context>
<context>
    <name>perm</name>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="59"/>
        <source>接收和签收警令、设置本人勤务状态、反馈所参与事件的进展</source>
        <translation>Receive and acknowledge orders, set own duty status, post updates to own incidents</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="63"/>
        <source>查看全部警令签收情况、全部事件和勤务看板</source>
        <translation>View all order acknowledgements, all incidents and the duty board</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="65"/>
        <source>下达警令通知、催签</source>
        <translation>Issue orders and notices, send reminders</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="67"/>
        <source>创建和指挥事件与集群战役</source>
        <translation>Create and command incidents and joint operations</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="69"/>
        <source>设置其他民警的勤务状态</source>
        <translation>Set other officers&apos; duty status</translation>
    </message>
    <message>
        <location filename="../../app/models/dispatch_permissions.py" line="71"/>
        <source>单位负责人：接收本单位逾期未签收警令的提醒</source>
        <translation>Unit head: get alerts for the unit&apos;s overdue orders</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="39"/>
        <source>查看重点人员</source>
        <translation>View key persons</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="40"/>
        <source>登记重点人员</source>
        <translation>Register key persons</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="41"/>
        <source>修改重点人员信息</source>
        <translation>Edit key persons</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="42"/>
        <source>导出重点人员</source>
        <translation>Export key persons</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="43"/>
        <source>导入重点人员</source>
        <translation>Import key persons</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="44"/>
        <source>打印重点人员名单和报表</source>
        <translation>Print key person lists and reports</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="45"/>
        <source>维护一人四管管控人</source>
        <translation>Manage keepers</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="46"/>
        <source>登记走访和签到</source>
        <translation>Log visits and check-ins</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="47"/>
        <source>登记风险事件</source>
        <translation>Log risk events</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="48"/>
        <source>人工调整预警等级</source>
        <translation>Set warning levels manually</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="49"/>
        <source>签收和处置预警</source>
        <translation>Acknowledge and handle warnings</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="50"/>
        <source>申请撤管</source>
        <translation>Request removal</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="51"/>
        <source>审批撤管</source>
        <translation>Approve removal</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="52"/>
        <source>漏管脱管检查与追责</source>
        <translation>Lapse checks and accountability</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="53"/>
        <source>查看重点人员统计和图表</source>
        <translation>View key person statistics and charts</translation>
    </message>
    <message>
        <location filename="../../app/models/keyperson_permissions.py" line="54"/>
        <source>配置积分规则、走访周期和人员类别</source>
        <translation>Configure score rules, visit intervals and categories</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="27"/>
        <source>查看短信发件箱</source>
        <translation>View SMS outbox</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="28"/>
        <source>配置短信签名和网关、重发失败短信</source>
        <translation>Configure SMS signature and gateway, resend failed SMS</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="29"/>
        <source>手动运行定时任务</source>
        <translation>Run scheduled jobs manually</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="48"/>
        <source>使用宣传平台</source>
        <translation>Use Publicity</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="49"/>
        <source>使用民生警务平台</source>
        <translation>Use Citizen Services</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="50"/>
        <source>使用重点人员管控平台</source>
        <translation>Use Key Persons</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="51"/>
        <source>使用指挥调度平台</source>
        <translation>Use Command and Dispatch</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="52"/>
        <source>使用警务保障平台</source>
        <translation>Use Officer Support</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="53"/>
        <source>查看群众信息</source>
        <translation>View citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="54"/>
        <source>登记群众信息</source>
        <translation>Register citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="55"/>
        <source>修改群众信息</source>
        <translation>Edit citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="56"/>
        <source>删除群众信息</source>
        <translation>Delete citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="57"/>
        <source>导出群众信息</source>
        <translation>Export citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="58"/>
        <source>导入群众信息</source>
        <translation>Import citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="59"/>
        <source>打印群众信息</source>
        <translation>Print citizens</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="60"/>
        <source>查看完整身份证号和手机号</source>
        <translation>View full ID and mobile numbers</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="61"/>
        <source>管理用户和角色</source>
        <translation>Manage users and roles</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="62"/>
        <source>修改系统设置</source>
        <translation>Change system settings</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="63"/>
        <source>查阅审计日志</source>
        <translation>View audit log</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="64"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="65"/>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="34"/>
        <source>窗口受理群众事项</source>
        <translation>Accept requests at the counter</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="35"/>
        <source>办理事项（流转、补正、办结、退回）</source>
        <translation>Process requests (route, request documents, complete, reject)</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="36"/>
        <source>审批事项和证明</source>
        <translation>Approve requests and certificates</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="37"/>
        <source>维护事项目录、工作日历和短信模板</source>
        <translation>Maintain request catalogue, calendar and SMS templates</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="38"/>
        <source>查询事项和办理进度</source>
        <translation>Look up requests and progress</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="39"/>
        <source>查看时限督办和统计分析</source>
        <translation>View deadline watch and statistics</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="40"/>
        <source>登记评价和差评回访</source>
        <translation>Record ratings and follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/models/service_permissions.py" line="41"/>
        <source>打印证明</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="94"/>
        <source>查看服务规则、便民措施、办事指南和发布记录</source>
        <translation>View service rules, measures, guides and publications</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="96"/>
        <source>起草和修改服务规则与便民措施</source>
        <translation>Draft and edit service rules and measures</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="97"/>
        <source>审核批准服务规则与便民措施</source>
        <translation>Review and approve service rules and measures</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="99"/>
        <source>发布到各宣传渠道、登记发布记录和宣传设置</source>
        <translation>Publish to channels, record publications, publicity settings</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="101"/>
        <source>生成民生警务公开数据</source>
        <translation>Generate Citizen Services open data</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="77"/>
        <source>窗口受理</source>
        <translation>Counter intake</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="78"/>
        <source>事项办理</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="79"/>
        <source>进度查询</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="80"/>
        <source>差评回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="82"/>
        <location filename="../../app/views/support/sections.py" line="169"/>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="83"/>
        <source>群众信息</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="84"/>
        <source>事项目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="85"/>
        <source>工作日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="86"/>
        <source>短信模板</source>
        <translation>SMS templates</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="55"/>
        <source>宣传平台</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="57"/>
        <source>窗口服务规则与便民措施的版本、审批、发布记录和各渠道宣传材料。</source>
        <translation>Versions, approval and publication of counter service rules and convenience measures, and publicity material for every channel.</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="50"/>
        <source>服务规则与便民措施</source>
        <translation>Rules and measures</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="51"/>
        <source>发布记录</source>
        <translation>Publications</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="53"/>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="55"/>
        <source>公开数据</source>
        <translation>Open data</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="61"/>
        <source>民生警务</source>
        <translation>Citizen Services</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="63"/>
        <source>群众来窗、网上、电话办理的各类事项：受理、流转、短信告知、回执和证明。</source>
        <translation>Citizen requests at the counter, online or by phone: intake, routing, SMS updates, receipts and certificates.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/sections.py" line="81"/>
        <source>时限督办</source>
        <translation>Deadline watch</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="69"/>
        <source>重点人员管控</source>
        <translation>Key Persons</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="71"/>
        <source>一人四管、走访签到、风险积分、蓝黄橙预警、漏管脱管检查和撤管审批。</source>
        <translation>Four-keeper teams, visits and check-ins, risk scores, blue/yellow/orange warnings, lapse checks and removal approval.</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="83"/>
        <source>重点人员档案</source>
        <translation>Key persons</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="84"/>
        <source>我的预警</source>
        <translation>My warnings</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="86"/>
        <source>走访与签到</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="89"/>
        <source>漏管脱管检查</source>
        <translation>Lapse checks</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="90"/>
        <source>预警图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="91"/>
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="92"/>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="93"/>
        <source>积分规则</source>
        <translation>Scoring rules</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="85"/>
        <source>预警</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="87"/>
        <source>风险事件</source>
        <translation>Risk events</translation>
    </message>
    <message>
        <location filename="../../app/views/keyperson/sections.py" line="88"/>
        <source>撤管审批</source>
        <translation>Removal approval</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="75"/>
        <source>指挥调度</source>
        <translation>Command and Dispatch</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="77"/>
        <source>警令下达与签收、集群战役、事件时间线和勤务状态看板。</source>
        <translation>Issuing and acknowledging orders, joint operations, incident timelines and the duty status board.</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/sections.py" line="42"/>
        <source>我的警令</source>
        <translation>My orders</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/sections.py" line="43"/>
        <source>警令下达与签收</source>
        <translation>Issue and track</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/sections.py" line="44"/>
        <source>事件与集群战役</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../app/views/dispatch/sections.py" line="45"/>
        <source>勤务看板</source>
        <translation>Duty board</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="81"/>
        <source>警务保障</source>
        <translation>Officer Support</translation>
    </message>
    <message>
        <location filename="../../app/views/platforms.py" line="83"/>
        <source>人事、请销假、加班调休、排班、装备、车辆、经费、体检、培训、奖惩、帮扶、维权、通知与征集。</source>
        <translation>Personnel, leave, overtime and time off, rosters, equipment, vehicles, funds, health checks, training, awards and discipline, welfare, officers&apos; rights, notices and surveys.</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="113"/>
        <source>人事档案</source>
        <translation>Personnel files</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="117"/>
        <source>请销假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="168"/>
        <source>通知公告与意见征集</source>
        <translation>Notices and surveys</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="52"/>
        <source>渠道统计</source>
        <translation>Channel figures</translation>
    </message>
    <message>
        <location filename="../../app/views/publicity/sections.py" line="57"/>
        <source>宣传设置</source>
        <translation>Publicity settings</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="109"/>
        <source>自助服务</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="110"/>
        <source>待我审批</source>
        <translation>My approvals</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="120"/>
        <source>加班调休</source>
        <translation>Overtime and time off</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="126"/>
        <source>值班排班</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="130"/>
        <source>装备管理</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="131"/>
        <source>车辆管理</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="134"/>
        <source>经费报销</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="140"/>
        <source>健康体检</source>
        <translation>Health checks</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="146"/>
        <source>教育培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="152"/>
        <source>表彰奖惩</source>
        <translation>Awards and discipline</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="158"/>
        <source>困难帮扶</source>
        <translation>Hardship aid</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="164"/>
        <source>维权援助</source>
        <translation>Rights support</translation>
    </message>
    <message>
        <location filename="../../app/views/support/sections.py" line="170"/>
        <source>权限设置</source>
        <translation>Permissions</translation>
    </message>
</context>
<context>
    <name>publicity</name>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="37"/>
        <source>服务规则</source>
        <translation>Service rule</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="38"/>
        <source>便民措施</source>
        <translation>Convenience measure</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="50"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="51"/>
        <source>待审核</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="52"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="53"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="54"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="65"/>
        <source>县电视台</source>
        <translation>County TV</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="66"/>
        <source>宣传单</source>
        <translation>Flyer</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="67"/>
        <source>政府网站</source>
        <translation>Government website</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="68"/>
        <source>手机报</source>
        <translation>Mobile news</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="71"/>
        <source>播出次数</source>
        <translation>Broadcasts</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="72"/>
        <source>印发份数</source>
        <translation>Copies printed</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="73"/>
        <source>浏览次数</source>
        <translation>Page views</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="74"/>
        <source>阅读次数</source>
        <translation>Reads</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="81"/>
        <source>服务规则与便民措施</source>
        <translation>Service rules and measures</translation>
    </message>
    <message>
        <location filename="../../app/models/publicity_permissions.py" line="82"/>
        <source>民生警务公开数据</source>
        <translation>Citizen Services open data</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <location filename="../../app/models/permissions.py" line="131"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="132"/>
        <source>用户、角色和系统设置；不能修改审计日志</source>
        <translation>Users, roles and system settings; cannot change the audit log</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="137"/>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="138"/>
        <source>只读查阅审计日志</source>
        <translation>Read-only access to the audit log</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="143"/>
        <source>窗口民警</source>
        <translation>Window clerk</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="144"/>
        <source>窗口受理群众事项、查询进度、打印回执和证明</source>
        <translation>Counter intake, progress lookup, receipts and certificates</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="149"/>
        <source>社区民警</source>
        <translation>Community officer</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="150"/>
        <source>辖区重点人员日常管控、走访、事件登记</source>
        <translation>Day-to-day control of key persons in the area: visits, events</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="155"/>
        <source>所长/审批领导</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="156"/>
        <source>审核预警，审批撤管、证明和请假，检查漏管脱管</source>
        <translation>Reviews warnings; approves removals, certificates and leave; runs lapse checks</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="161"/>
        <source>指挥中心</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="162"/>
        <source>下达警令、组织集群战役、查看勤务状态</source>
        <translation>Issues orders, runs joint operations, sees duty status</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="167"/>
        <source>民警</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="168"/>
        <source>签收警令、反馈进展、设置勤务状态、使用自助服务</source>
        <translation>Acknowledges orders, posts updates, sets duty status, uses self-service</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="173"/>
        <source>宣传干事</source>
        <translation>Publicity officer</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="174"/>
        <source>维护服务规则与便民措施并登记发布</source>
        <translation>Maintains service rules and measures and records publication</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="179"/>
        <source>警务保障</source>
        <translation>Support staff</translation>
    </message>
    <message>
        <location filename="../../app/models/permissions.py" line="180"/>
        <source>人事、请假、装备、车辆、经费等保障工作</source>
        <translation>Personnel, leave, equipment, vehicles, funds and other support</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="23"/>
        <source>证明证照</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="24"/>
        <source>报案</source>
        <translation>Crime report</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="25"/>
        <source>求助</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="26"/>
        <source>法律咨询</source>
        <translation>Legal advice</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="27"/>
        <source>投诉举报</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="34"/>
        <source>无犯罪记录证明</source>
        <translation>No-criminal-record certificate</translation>
    </message>
    <message>
        <location filename="../../app/models/service_catalogue.py" line="35"/>
        <source>户籍证明</source>
        <translation>Household registration certificate</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="45"/>
        <source>已收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="46"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="47"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="48"/>
        <source>补正中</source>
        <translation>Awaiting docs</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="49"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="50"/>
        <source>不予受理/已退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="51"/>
        <source>已出件</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="63"/>
        <location filename="../../app/models/service_records.py" line="17"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="64"/>
        <location filename="../../app/models/service_records.py" line="19"/>
        <location filename="../../app/models/service_records.py" line="38"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="65"/>
        <location filename="../../app/models/service_records.py" line="18"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="76"/>
        <source>黄牌</source>
        <translation>Yellow card</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="77"/>
        <source>红牌</source>
        <translation>Red card</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="78"/>
        <source>暂停计时</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="79"/>
        <source>超期办结</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="97"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="100"/>
        <source>要求补正材料</source>
        <translation>Request documents</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="107"/>
        <source>材料已补齐</source>
        <translation>Documents complete</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="114"/>
        <source>开始审核</source>
        <translation>Start review</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="121"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="128"/>
        <source>审批通过并办结</source>
        <translation>Approve and complete</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="135"/>
        <source>查有犯罪记录，不予出具</source>
        <translation>Record found: refuse</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="142"/>
        <source>不予受理/退回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="150"/>
        <source>出件</source>
        <translation>Deliver</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="158"/>
        <source>收件</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="159"/>
        <source>分派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="160"/>
        <source>评价</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="161"/>
        <source>打印证明</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <location filename="../../app/models/service_item.py" line="162"/>
        <source>重算期限</source>
        <translation>Recalculate due date</translation>
    </message>
    <message>
        <location filename="../../app/models/service_records.py" line="31"/>
        <source>待回访</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <location filename="../../app/models/service_records.py" line="32"/>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../../app/models/service_records.py" line="35"/>
        <source>窗口评价器</source>
        <translation>Counter rating pad</translation>
    </message>
    <message>
        <location filename="../../app/models/service_records.py" line="36"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../app/models/service_records.py" line="37"/>
        <source>电话回访</source>
        <translation>Phone follow-up</translation>
    </message>
    <message>
        <location filename="../../app/models/working_calendar.py" line="22"/>
        <source>法定节假日</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <location filename="../../app/models/working_calendar.py" line="23"/>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="32"/>
        <source>勾选群众还需补正的全部材料（一次告知）。补正期间办理时限暂停计算。</source>
        <translation>Tick every document the citizen still has to provide (tell them all at once). The clock stops until they are supplied.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="35"/>
        <source>群众补齐材料后登记，办理时限从次日起继续计算。</source>
        <translation>Record this once the citizen has supplied all documents; the clock restarts the next day.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="36"/>
        <source>请写明不予受理或退回的原因，原因将以短信告知群众。</source>
        <translation>Give the reason for rejecting; it is sent to the citizen by SMS.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="37"/>
        <source>审批通过后事项即办结，并可打印证明。</source>
        <translation>Approval completes the request; the certificate can then be printed.</translation>
    </message>
    <message>
        <location filename="../../app/views/citizen/item_action_dialogs.py" line="38"/>
        <source>查询发现申请人有犯罪记录：不予出具无犯罪记录证明，事项办结为“不予受理/已退回”，并可打印《不予出具无犯罪记录证明通知书》。短信只告知群众到窗口领取书面通知。</source>
        <translation>A criminal record was found: the certificate is refused, the item ends as &quot;Rejected/returned&quot;, and the refusal notice can be printed. The text message only asks the citizen to collect the written notice at the window.</translation>
    </message>
</context>
<context>
    <name>sms</name>
    <message>
        <location filename="../../app/models/messaging.py" line="97"/>
        <source>待发送</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="98"/>
        <source>夜间暂缓</source>
        <translation>Held overnight</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="99"/>
        <source>发送中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="100"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="101"/>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../app/models/messaging.py" line="102"/>
        <source>发送失败</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>support</name>
    <message>
        <location filename="../../app/models/support_permissions.py" line="45"/>
        <source>人事档案</source>
        <translation>Personnel files</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="46"/>
        <source>请销假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="47"/>
        <source>加班调休</source>
        <translation>Overtime and time off</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="48"/>
        <source>值班排班</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="49"/>
        <source>装备管理</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="50"/>
        <source>车辆管理</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="51"/>
        <source>经费报销</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="52"/>
        <source>健康体检</source>
        <translation>Health checks</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="53"/>
        <source>教育培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="54"/>
        <source>表彰奖惩</source>
        <translation>Awards and discipline</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="55"/>
        <source>困难帮扶</source>
        <translation>Hardship aid</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="56"/>
        <source>维权援助</source>
        <translation>Rights support</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="57"/>
        <source>通知公告与意见征集</source>
        <translation>Notices and surveys</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="69"/>
        <source>查看本人</source>
        <translation>View own</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="70"/>
        <source>查看本单位</source>
        <translation>View unit</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="71"/>
        <source>查看全部</source>
        <translation>View all</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="72"/>
        <source>新增/申请</source>
        <translation>Create/apply</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="73"/>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="74"/>
        <source>导出/打印</source>
        <translation>Export/print</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="80"/>
        <source>审批请假</source>
        <translation>Approve leave</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="81"/>
        <source>审批加班转调休</source>
        <translation>Approve overtime as time off</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="82"/>
        <source>审批装备领用与归还</source>
        <translation>Approve equipment issue and return</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="83"/>
        <source>审批用车</source>
        <translation>Approve vehicle use</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="84"/>
        <source>审批经费报销</source>
        <translation>Approve expenses</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="85"/>
        <source>审批困难帮扶</source>
        <translation>Approve hardship aid</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="86"/>
        <source>受理和答复维权申请</source>
        <translation>Accept and answer rights requests</translation>
    </message>
    <message>
        <location filename="../../app/models/support_permissions.py" line="87"/>
        <source>发布通知和意见征集</source>
        <translation>Publish notices and surveys</translation>
    </message>
</context>
</TS>
