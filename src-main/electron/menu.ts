import { type BrowserWindow, Menu, type MenuItemConstructorOptions, dialog } from 'electron';

/** The application menu in Chinese; editing goes through the page's own toolbar and keys. */
export function applicationMenu(window: BrowserWindow, version: string, isPackaged: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '关闭窗口', role: 'close' }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于预算公开工作台',
          click: () =>
            void dialog.showMessageBox(window, {
              title: '关于',
              message: `预算公开工作台 ${version}`,
              detail: '编制单位/部门预算公开文件：十三张表、绩效目标表、情况说明、审核与 PDF 导出。',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
